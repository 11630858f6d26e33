import Foundation

/// A URL the checker may request, or why it may not: only http and https, only hosts whose every
/// address is public (unless private addresses are allowed or the exact host:port is permitted).
///
/// DNS rebinding caveat: the host is resolved here, and URLSession (libcurl) resolves it again when
/// it connects. A hostile DNS server can answer a public address to the first query and a private
/// one to the second (TTL 0). URLSession offers no way to pin the connection to the address checked
/// (libcurl's CURLOPT_RESOLVE is not reachable through it), and connecting to the IP ourselves would
/// break TLS name checks. So the check narrows the window to milliseconds and covers every hop, but
/// cannot close it; where that matters, run the check behind an egress proxy or firewall that drops
/// private destinations. Nothing sensitive is sent either way: no cookies, credentials or caches.
public struct FetchTarget: Sendable {
    public var url: URL
    public var host: String
    public var port: Int

    public enum Refusal: Error, Equatable, Sendable {
        /// Not an http(s) URL with a plain host; never connected.
        case unsupported(String)
        /// The host is, or resolves to, a non-public address; never connected.
        case privateAddress(String)
        /// The host has no address, or the lookup timed out.
        case unresolvable(String)
    }

    /// Parses and vets `text`. Resolution happens here, immediately before the request is made.
    public static func vet(_ text: String, options: SourceCheckOptions, resolver: HostResolver = HostResolver()) async
        -> Result<FetchTarget, Refusal>
    {
        let parsed = parse(text)
        guard case .success(let target) = parsed else { return parsed }
        if options.allowPrivate || options.permittedHosts.contains("\(target.host):\(target.port)") {
            return .success(target)
        }
        // libcurl answers `localhost` and `*.localhost` itself with loopback (RFC 6761) whatever DNS
        // says, so a name DNS maps to a public address would still be fetched from 127.0.0.1.
        let bareHost = target.host.hasSuffix(".") ? String(target.host.dropLast()) : target.host
        if bareHost == "localhost" || bareHost.hasSuffix(".localhost") {
            return .failure(.privateAddress("loopback name (\(target.host)); pass --allow-private to check it anyway"))
        }
        // A literal address needs no lookup; anything else is resolved and every answer checked.
        let addresses: [IPAddress]
        if let literal = IPAddress(target.host) {
            addresses = [literal]
        } else {
            switch await resolver.resolve(target.host, timeout: options.timeout) {
            case .success(let found): addresses = found
            case .failure(.timedOut): return .failure(.unresolvable("DNS lookup for \(target.host) timed out"))
            case .failure(.notFound(let reason)): return .failure(.unresolvable("DNS lookup for \(target.host) failed: \(reason)"))
            }
        }
        for address in addresses.sorted(by: { $0.description < $1.description }) {
            if let reason = AddressClassifier.refusalReason(address) {
                let via = address.description == target.host ? "" : " (\(target.host) resolves to \(address))"
                return .failure(.privateAddress("\(reason)\(via); pass --allow-private to check it anyway"))
            }
        }
        return .success(target)
    }

    /// Syntax only: scheme, host characters, port.
    static func parse(_ text: String) -> Result<FetchTarget, Refusal> {
        guard let components = URLComponents(string: text), let url = components.url else {
            return .failure(.unsupported("not a valid URL"))
        }
        let scheme = components.scheme?.lowercased() ?? ""
        guard scheme == "http" || scheme == "https" else {
            return .failure(.unsupported("scheme \"\(scheme)\" is not http or https"))
        }
        guard var host = components.percentEncodedHost?.lowercased(), !host.isEmpty else {
            return .failure(.unsupported("URL has no host"))
        }
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        // Hosts must be plain ASCII names or literals, so the string vetted is the string libcurl
        // connects to: no percent-escapes, no Unicode (use punycode), no zone ids.
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789.-:")
        guard host.allSatisfy({ allowed.contains($0) }) else {
            return .failure(.unsupported("host \"\(host)\" has characters other than letters, digits, dots, hyphens and colons"))
        }
        guard components.percentEncodedUser == nil, components.percentEncodedPassword == nil else {
            return .failure(.unsupported("URL carries a user name or password"))
        }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65535).contains(port) else { return .failure(.unsupported("port \(port) is out of range")) }
        return .success(FetchTarget(url: url, host: host, port: port))
    }
}
