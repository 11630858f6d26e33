import LocatedDocument

/// Market pay for a level.
public struct PayRange: Sendable, Equatable {
    public enum Period: String, Sendable {
        case annual
        case hourly
    }

    /// ISO 4217 currency code.
    public var currency: String
    public var period: Period
    public var low: Located<Double>
    public var median: Located<Double>
    public var high: Located<Double>
    public var location: SourceLocation

    public init(
        currency: String, period: Period, low: Located<Double>, median: Located<Double>, high: Located<Double>,
        location: SourceLocation
    ) {
        self.currency = currency
        self.period = period
        self.low = low
        self.median = median
        self.high = high
        self.location = location
    }
}
