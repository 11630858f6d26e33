import Foundation
import Panel
import ProfileModel

/// Number and time formats every status reporter shares, so the four files print the same values.
public enum StatusText {
    /// A score, one decimal ("4.5").
    public static func score(_ value: Double) -> String { ApprovalGate.format(value) }

    /// A mean, two decimals ("4.67").
    public static func mean(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = abs(hundredths % 100)
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The mean as a JSON number rounded to two decimals, so float noise never reaches the file.
    public static func roundedMean(_ value: Double) -> Double { (value * 100).rounded() / 100 }

    /// `file:line`, as findings are cited everywhere.
    public static func position(_ finding: Finding) -> String { "\(finding.file):\(finding.location.line)" }

    /// The generation time for reports: only when SOURCE_DATE_EPOCH fixes it (ISO 8601, UTC);
    /// otherwise nil, so the same inputs give the same bytes on any day.
    public static func generationTime(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(Int.init) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute, .second], from: Date(timeIntervalSince1970: TimeInterval(epoch))
        )
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0
        )
    }
}
