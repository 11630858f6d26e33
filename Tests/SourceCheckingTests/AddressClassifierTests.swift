import Testing
@testable import SourceChecking

@Suite("Address classification and URL vetting (no network)")
struct AddressClassifierTests {
    /// (address, expected reason fragment or nil for a public address that must be allowed).
    static let table: [(String, String?)] = [
        ("127.0.0.1", "loopback"), ("127.255.255.254", "loopback"), ("::1", "loopback"),
        ("10.0.0.1", "private"), ("10.255.255.255", "private"),
        ("172.16.0.1", "private"), ("172.31.255.255", "private"), ("172.15.255.255", nil), ("172.32.0.1", nil),
        ("192.168.0.1", "private"), ("192.169.0.1", nil),
        ("169.254.169.254", "cloud metadata"), ("169.254.0.1", "link-local"), ("fe80::1", "link-local"),
        ("febf:ffff::1", "link-local"),
        ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("0.1.2.3", "this network"),
        ("100.64.0.1", "carrier-grade NAT"), ("100.127.255.255", "carrier-grade NAT"), ("100.63.255.255", nil),
        ("100.128.0.0", nil),
        ("fc00::1", "unique local"), ("fd12:3456::1", "unique local"), ("fec0::1", "site-local"),
        ("224.0.0.1", "multicast"), ("ff02::1", "multicast"), ("255.255.255.255", "broadcast"),
        ("::ffff:127.0.0.1", "IPv4-mapped IPv6 form of a loopback"),
        ("::ffff:169.254.169.254", "IPv4-mapped IPv6 form of a cloud metadata"),
        ("::ffff:10.1.2.3", "IPv4-mapped IPv6 form of a private"), ("::ffff:0.0.0.0", "IPv4-mapped IPv6 form of a unspecified"),
        ("::127.0.0.1", "IPv4-compatible"), ("64:ff9b::a9fe:a9fe", "NAT64 form of a cloud metadata"),
        ("2002:7f00:1::", "6to4 form of a loopback"), ("2002:0808:0808::", nil),
        ("::ffff:8.8.8.8", nil), ("8.8.8.8", nil), ("1.1.1.1", nil), ("93.184.216.34", nil),
        ("2606:4700:4700::1111", nil), ("2001:4860:4860::8888", nil),
    ]

    @Test(arguments: table)
    func classifies(_ text: String, _ expected: String?) throws {
        let address = try #require(IPAddress(text), "\(text) should parse")
        let reason = AddressClassifier.refusalReason(address)
        if let expected {
            #expect(reason?.contains(expected) == true, "\(text): \(reason ?? "allowed")")
        } else {
            #expect(reason == nil, "\(text) is public but was refused: \(reason ?? "")")
        }
    }

    @Test func strictParsingLeavesShorthandsToTheResolver() {
        #expect(IPAddress("127.1") == nil)
        #expect(IPAddress("2130706433") == nil)
        #expect(IPAddress("::ffff:127.0.0.1")?.description == "::ffff:127.0.0.1")
    }

    /// Hosts that are loopback only after resolution; getaddrinfo handles these numerically or
    /// from /etc/hosts, so nothing leaves the machine.
    @Test(arguments: [
        "http://2130706433/", "http://127.1/", "http://0x7f000001/", "http://0177.0.0.1/", "http://localhost/",
        "http://LOCALHOST/", "http://a.b.localhost./", "http://localhost./", "http://[::ffff:127.0.0.1]:8080/", "http://[::1]/", "http://169.254.169.254/latest/meta-data/",
        "https://[::ffff:a9fe:a9fe]/", "http://0/",
    ])
    func resolvedPrivateHostsAreRefused(_ url: String) async {
        let result = await FetchTarget.vet(url, options: SourceCheckOptions())
        guard case .failure(.privateAddress(let reason)) = result else {
            Issue.record("\(url) was not refused as private: \(result)")
            return
        }
        #expect(reason.contains("--allow-private"))
    }

    @Test(arguments: [
        ("ftp://example.org/file", "scheme"), ("file:///etc/passwd", "scheme"), ("gopher://127.0.0.1:70/", "scheme"),
        ("http://user:secret@example.org/", "user name"), ("http://%31%32%37.0.0.1/", "characters"),
        ("http:///nohost", "host"), ("javascript:alert(1)", "scheme"),
    ])
    func unsupportedURLsAreRefusedBeforeAnyLookup(_ url: String, _ fragment: String) async {
        let result = await FetchTarget.vet(url, options: SourceCheckOptions())
        guard case .failure(.unsupported(let reason)) = result else {
            Issue.record("\(url): \(result)")
            return
        }
        #expect(reason.contains(fragment), "\(url): \(reason)")
    }

    @Test func publicLiteralsAndAllowPrivatePassVettingWithoutConnecting() async throws {
        let publicTarget = try await FetchTarget.vet("https://8.8.8.8/dns", options: SourceCheckOptions()).get()
        #expect(publicTarget.port == 443)
        var options = SourceCheckOptions()
        options.allowPrivate = true
        let metadata = try await FetchTarget.vet("http://169.254.169.254/", options: options).get()
        #expect(metadata.host == "169.254.169.254")
    }

    @Test func permittedHostsAreExactHostAndPort() async {
        var options = SourceCheckOptions()
        options.permittedHosts = ["127.0.0.1:8080"]
        #expect((try? await FetchTarget.vet("http://127.0.0.1:8080/x", options: options).get()) != nil)
        for other in ["http://127.0.0.1:8081/x", "http://localhost:8080/x", "http://127.0.0.2:8080/x"] {
            guard case .failure(.privateAddress) = await FetchTarget.vet(other, options: options) else {
                Issue.record("\(other) should still be refused")
                continue
            }
        }
    }
}
