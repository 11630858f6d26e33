/// The `format` values checked when format assertion is on: RFC 3339 `date` and `date-time`,
/// RFC 5321 `email` (ASCII), RFC 3986 absolute `uri`. All work on UTF-8 bytes and accept ASCII only.
enum FormatChecker {
    static func isValid(_ text: String, as kind: FormatKind) -> Bool {
        let bytes = Array(text.utf8)
        switch kind {
        case .date: return isFullDate(bytes[...])
        case .dateTime: return isDateTime(bytes)
        case .email: return isEmail(bytes)
        case .uri: return URIChecker.isAbsoluteURI(bytes)
        }
    }

    static func expectation(_ kind: FormatKind) -> String {
        switch kind {
        case .date: return "a date like 2024-01-31 (RFC 3339 full-date)"
        case .dateTime: return "a date-time like 2024-01-31T09:30:00Z (RFC 3339)"
        case .email: return "an email address"
        case .uri: return "an absolute URI like https://example.com/path"
        }
    }

    // MARK: Dates and times

    /// `digits` ASCII digits at `start` as a number, or nil.
    static func number(_ bytes: ArraySlice<UInt8>, _ start: Int, _ digits: Int) -> Int? {
        guard start + digits <= bytes.endIndex else { return nil }
        var value = 0
        for index in start..<(start + digits) {
            let byte = bytes[index]
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD` with a real calendar day.
    static func isFullDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.startIndex
        guard bytes.count == 10, bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = number(bytes, start, 4), let month = number(bytes, start + 5, 2), let day = number(bytes, start + 8, 2),
              (1...12).contains(month) else { return false }
        return day >= 1 && day <= daysIn(month: month, year: year)
    }

    /// RFC 3339 `date-time`: full-date "T" HH:MM:SS[.frac] (Z | ±HH:MM). A leap second (:60) is
    /// accepted only where it can occur: at 23:59 UTC once the offset is applied.
    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 20, isFullDate(bytes[0..<10]), bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        let time = bytes[11...]
        guard let hour = number(time, 11, 2), time[13] == UInt8(ascii: ":"), let minute = number(time, 14, 2),
              time[16] == UInt8(ascii: ":"), let second = number(time, 17, 2),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var index = 19
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.count else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            guard let offsetHour = number(bytes[...], index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == UInt8(ascii: ":"),
                  let offsetMinute = number(bytes[...], index + 4, 2), offsetHour <= 23, offsetMinute <= 59 else { return false }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
            index += 6
        default:
            return false
        }
        guard index == bytes.count else { return false }
        if second == 60 {
            let utcMinuteOfDay = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utcMinuteOfDay == 23 * 60 + 59
        }
        return true
    }

    // MARK: Email

    /// `local@domain` where local is a dot-atom or a quoted string, and domain a host name or an
    /// address literal (`[127.0.0.1]`, `[IPv6:::1]`).
    static func isEmail(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first else { return false }
        var at: Int
        if first == UInt8(ascii: "\"") {
            var index = 1
            var closed = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\\") {
                    guard index + 1 < bytes.count, bytes[index + 1] >= 0x20, bytes[index + 1] < 0x7F else { return false }
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    closed = true
                    break
                }
                guard byte >= 0x20, byte < 0x7F else { return false }
                index += 1
            }
            guard closed, index > 1 else { return false }
            at = index + 1
            guard at < bytes.count, bytes[at] == UInt8(ascii: "@") else { return false }
        } else {
            guard let sign = bytes.firstIndex(of: UInt8(ascii: "@")), sign > 0 else { return false }
            at = sign
            var previousWasDot = true  // so a leading dot fails
            for byte in bytes[..<sign] {
                if byte == UInt8(ascii: ".") {
                    if previousWasDot { return false }
                    previousWasDot = true
                } else {
                    guard isAtext(byte) else { return false }
                    previousWasDot = false
                }
            }
            if previousWasDot { return false }
        }
        let domain = Array(bytes[(at + 1)...])
        guard !domain.isEmpty else { return false }
        if domain.first == UInt8(ascii: "["), domain.last == UInt8(ascii: "]") {
            let inner = domain[1..<(domain.count - 1)]
            let prefix = Array("IPv6:".utf8)
            if inner.starts(with: prefix) {
                return URIChecker.isIPv6(Array(inner.dropFirst(prefix.count))[...])
            }
            return URIChecker.isIPv4(inner)
        }
        return isHostname(domain)
    }

    static func isAtext(_ byte: UInt8) -> Bool {
        if URIChecker.isAlphaNumeric(byte) { return true }
        return Array("!#$%&'*+-/=?^_`{|}~".utf8).contains(byte)
    }

    /// Dot-separated labels of letters, digits and inner hyphens, 1-63 bytes each, 253 in all.
    static func isHostname(_ bytes: [UInt8]) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        for label in bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.count <= 63, label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
                  label.allSatisfy({ URIChecker.isAlphaNumeric($0) || $0 == UInt8(ascii: "-") }) else { return false }
        }
        return true
    }
}
