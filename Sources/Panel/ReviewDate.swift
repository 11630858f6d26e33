import Foundation

/// The date a review is made, `YYYY-MM-DD` in UTC. `SOURCE_DATE_EPOCH` (seconds since 1970) fixes
/// it, so a run can be reproduced byte for byte.
public enum ReviewDate {
    public static func today(environment: [String: String] = ProcessInfo.processInfo.environment, now: Date = Date()) -> String {
        var date = now
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            date = Date(timeIntervalSince1970: epoch)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
