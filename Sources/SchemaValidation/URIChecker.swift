/// RFC 3986 syntax checks for the `uri` format and for address literals in `email`.
enum URIChecker {
    static func isAlpha(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    static func isAlphaNumeric(_ byte: UInt8) -> Bool {
        isAlpha(byte) || isDigit(byte)
    }

    static func isHexDigit(_ byte: UInt8) -> Bool {
        hexValue(byte) != nil
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        isAlphaNumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    static func isSubDelimiter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!"), UInt8(ascii: "$"), UInt8(ascii: "&"), UInt8(ascii: "'"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "="):
            return true
        default:
            return false
        }
    }

    /// Whether every byte of `part` is allowed by `allowed` or starts a valid `%XX` escape.
    static func isEncoded(_ part: ArraySlice<UInt8>, allowing allowed: (UInt8) -> Bool) -> Bool {
        var index = part.startIndex
        while index < part.endIndex {
            let byte = part[index]
            if byte == UInt8(ascii: "%") {
                guard index + 2 < part.endIndex, isHexDigit(part[index + 1]), isHexDigit(part[index + 2]) else { return false }
                index += 3
            } else {
                guard allowed(byte) else { return false }
                index += 1
            }
        }
        return true
    }

    static func isPathCharacter(_ byte: UInt8) -> Bool {
        isUnreserved(byte) || isSubDelimiter(byte) || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "@")
    }

    /// `scheme ":" hier-part [ "?" query ] [ "#" fragment ]` (RFC 3986 §3).
    static func isAbsoluteURI(_ bytes: [UInt8]) -> Bool {
        guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), colon > 0, isAlpha(bytes[0]),
              bytes[1..<colon].allSatisfy({ isAlphaNumeric($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
        else { return false }
        var rest = bytes[(colon + 1)...]
        if let hash = rest.firstIndex(of: UInt8(ascii: "#")) {
            guard isEncoded(rest[(hash + 1)...], allowing: { isPathCharacter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return false }
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: UInt8(ascii: "?")) {
            guard isEncoded(rest[(question + 1)...], allowing: { isPathCharacter($0) || $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else { return false }
            rest = rest[..<question]
        }
        if rest.starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) {
            let authorityStart = rest.startIndex + 2
            let authorityEnd = rest[authorityStart...].firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
            guard isAuthority(rest[authorityStart..<authorityEnd]) else { return false }
            rest = rest[authorityEnd...]
        }
        return isEncoded(rest, allowing: { isPathCharacter($0) || $0 == UInt8(ascii: "/") })
    }

    /// `[ userinfo "@" ] host [ ":" port ]`.
    static func isAuthority(_ authority: ArraySlice<UInt8>) -> Bool {
        var hostAndPort = authority
        if let at = authority.firstIndex(of: UInt8(ascii: "@")) {
            guard isEncoded(authority[..<at], allowing: { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }) else { return false }
            hostAndPort = authority[(at + 1)...]
        }
        var host = hostAndPort
        if hostAndPort.first == UInt8(ascii: "[") {
            guard let close = hostAndPort.firstIndex(of: UInt8(ascii: "]")) else { return false }
            guard isIPLiteral(hostAndPort[(hostAndPort.startIndex + 1)..<close]) else { return false }
            let afterHost = hostAndPort[(close + 1)...]
            if afterHost.isEmpty { return true }
            guard afterHost.first == UInt8(ascii: ":") else { return false }
            return afterHost.dropFirst().allSatisfy(isDigit)
        }
        if let colon = hostAndPort.lastIndex(of: UInt8(ascii: ":")) {
            guard hostAndPort[(colon + 1)...].allSatisfy(isDigit) else { return false }
            host = hostAndPort[..<colon]
        }
        return isEncoded(host, allowing: { isUnreserved($0) || isSubDelimiter($0) })
    }

    /// IPv6address or IPvFuture (`v` 1*HEXDIG "." 1*( unreserved / sub-delims / ":" )).
    static func isIPLiteral(_ literal: ArraySlice<UInt8>) -> Bool {
        if literal.first == UInt8(ascii: "v") || literal.first == UInt8(ascii: "V") {
            guard let dot = literal.firstIndex(of: UInt8(ascii: ".")), dot > literal.startIndex + 1 else { return false }
            let version = literal[(literal.startIndex + 1)..<dot]
            let rest = literal[(dot + 1)...]
            return version.allSatisfy(isHexDigit) && !rest.isEmpty
                && rest.allSatisfy { isUnreserved($0) || isSubDelimiter($0) || $0 == UInt8(ascii: ":") }
        }
        return isIPv6(literal)
    }

    /// Dotted quad of decimal octets 0-255 without leading zeros.
    static func isIPv4(_ text: ArraySlice<UInt8>) -> Bool {
        let parts = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(isDigit) else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
            let value = part.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
            guard value <= 255 else { return false }
        }
        return true
    }

    /// Eight 16-bit hex groups, `::` standing for one or more zero groups, the last two groups
    /// optionally written as an IPv4 address.
    static func isIPv6(_ text: ArraySlice<UInt8>) -> Bool {
        let bytes = Array(text)
        guard !bytes.isEmpty else { return false }
        var halves: [[UInt8]] = []
        var compressed = false
        if let range = firstDoubleColon(bytes) {
            compressed = true
            halves = [Array(bytes[..<range]), Array(bytes[(range + 2)...])]
            if firstDoubleColon(halves[1]) != nil { return false }
        } else {
            halves = [bytes]
        }
        var groups = 0
        for (offset, half) in halves.enumerated() {
            if half.isEmpty { continue }
            let parts = half.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
            for (position, part) in parts.enumerated() {
                let isLastOverall = offset == halves.count - 1 && position == parts.count - 1
                if isLastOverall, part.contains(UInt8(ascii: ".")) {
                    guard isIPv4(part) else { return false }
                    groups += 2
                    continue
                }
                guard !part.isEmpty, part.count <= 4, part.allSatisfy(isHexDigit) else { return false }
                groups += 1
            }
        }
        return compressed ? groups < 8 : groups == 8
    }

    private static func firstDoubleColon(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for index in 0..<(bytes.count - 1) where bytes[index] == UInt8(ascii: ":") && bytes[index + 1] == UInt8(ascii: ":") {
            return index
        }
        return nil
    }
}
