import Foundation

/// `reviewed_at` of a record: ISO 8601 UTC to the second (`2026-05-02T09:30:00Z`). When
/// `SOURCE_DATE_EPOCH` is set (as `ReviewDate` honours it), that instant is used, so records can be
/// reproduced byte for byte.
public enum ApprovalClock {
    public static func now(environment: [String: String] = ProcessInfo.processInfo.environment, date: Date = Date()) -> String {
        var instant = date
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            instant = Date(timeIntervalSince1970: epoch)
        }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: instant)
    }
}
