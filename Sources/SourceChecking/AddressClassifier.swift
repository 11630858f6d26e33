#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IP address as raw network-order bytes: 4 for IPv4, 16 for IPv6.
public struct IPAddress: Sendable, Hashable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    /// Parses the strict textual forms only (`inet_pton`): dotted quad or RFC 4291 IPv6. Shorthands
    /// such as `127.1` or `2130706433` are deliberately not parsed here — the resolver turns them into
    /// addresses, and those addresses are what gets classified.
    public init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            self.bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            self.bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    public var isIPv4: Bool { bytes.count == 4 }

    public var description: String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        let family = isIPv4 ? AF_INET : AF_INET6
        let ok = bytes.withUnsafeBytes { raw in inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count)) != nil }
        guard ok else { return "?" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Why an address must not be fetched from profile URLs, or nil for an ordinary public address.
///
/// Profile URLs are untrusted: a PR author could point a source at the CI runner's own services
/// (loopback), the office network (private ranges) or the cloud metadata endpoint (169.254.169.254,
/// which hands out credentials). Every address a host resolves to is classified, for the first
/// request and for every redirect hop.
public enum AddressClassifier {
    public static func refusalReason(_ address: IPAddress) -> String? {
        address.isIPv4 ? ipv4Reason(address.bytes) : ipv6Reason(address.bytes)
    }

    /// IPv4 ranges that never belong to a public web server.
    static func ipv4Reason(_ b: [UInt8]) -> String? {
        switch (b[0], b[1]) {
        case (0, _): return b == [0, 0, 0, 0] ? "unspecified address" : "\"this network\" address (0.0.0.0/8)"
        case (10, _): return "private address (10.0.0.0/8)"
        case (100, 64...127): return "carrier-grade NAT address (100.64.0.0/10)"
        case (127, _): return "loopback address (127.0.0.0/8)"
        case (169, 254):
            return b == [169, 254, 169, 254]
                ? "cloud metadata address (169.254.169.254)" : "link-local address (169.254.0.0/16)"
        case (172, 16...31): return "private address (172.16.0.0/12)"
        case (192, 168): return "private address (192.168.0.0/16)"
        case (192, 0) where b[2] == 0: return "IETF protocol assignment (192.0.0.0/24)"
        case (198, 18...19): return "benchmarking address (198.18.0.0/15)"
        case (224...239, _): return "multicast address (224.0.0.0/4)"
        case (240...255, _): return "reserved or broadcast address (240.0.0.0/4)"
        default: return nil
        }
    }

    /// IPv6 ranges, including the forms that embed an IPv4 address (mapped, compatible, NAT64,
    /// 6to4): those are judged by the IPv4 address inside, so `::ffff:127.0.0.1` is loopback.
    static func ipv6Reason(_ b: [UInt8]) -> String? {
        let first10Zero = b[0..<10].allSatisfy { $0 == 0 }
        if first10Zero && b[10] == 0 && b[11] == 0 {
            let tail = Array(b[12..<16])
            if tail == [0, 0, 0, 0] { return "unspecified address (::)" }
            if tail == [0, 0, 0, 1] { return "loopback address (::1)" }
            // IPv4-compatible (::a.b.c.d, deprecated): some stacks still route it to the IPv4 address.
            return ipv4Reason(tail).map { "IPv4-compatible IPv6 form of a \($0)" }
        }
        if first10Zero && b[10] == 0xff && b[11] == 0xff {
            return ipv4Reason(Array(b[12..<16])).map { "IPv4-mapped IPv6 form of a \($0)" }
        }
        // NAT64 well-known prefix 64:ff9b::/96 reaches the embedded IPv4 address through a translator.
        if b[0..<12] == [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0] {
            return ipv4Reason(Array(b[12..<16])).map { "NAT64 form of a \($0)" }
        }
        // 6to4 2002:AABB:CCDD::/48 tunnels to the IPv4 address AA.BB.CC.DD.
        if b[0] == 0x20 && b[1] == 0x02 {
            return ipv4Reason(Array(b[2..<6])).map { "6to4 form of a \($0)" }
        }
        if b[0] & 0xfe == 0xfc { return "unique local address (fc00::/7)" }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return "link-local address (fe80::/10)" }
        if b[0] == 0xfe && b[1] & 0xc0 == 0xc0 { return "site-local address (fec0::/10)" }
        if b[0] == 0xff { return "multicast address (ff00::/8)" }
        if b[0] == 0x01 && b[1..<8].allSatisfy({ $0 == 0 }) { return "discard-only address (100::/64)" }
        return nil
    }
}
