import Crypto
import Foundation
import Testing
@testable import SourceChecking
import _CommandTestSupport

/// The link checker against a real HTTP server on 127.0.0.1 in this process. The server's exact
/// host:port is permitted (a test-only option), so every other private address — 10.1.2.3, the
/// metadata IP, even `localhost` on the same port — is still refused.
@Suite("Link checking against a loopback HTTP server")
struct LinkCheckerTests {
    static func options(_ server: LoopbackHTTPServer, timeout: TimeInterval = 5) -> SourceCheckOptions {
        var options = SourceCheckOptions()
        options.permittedHosts = ["127.0.0.1:\(server.port)"]
        options.timeout = timeout
        options.fixedRetrievedAt = Date(timeIntervalSince1970: 1795478400)
        return options
    }

    static func hex(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    @Test func okIsCheckedWithHeadAndGetHashesTheBody() async throws {
        try await withLoopbackServer { server in
            let head = await LinkChecker(options: Self.options(server)).check(server.base + "/ok")
            #expect(head.outcome == .ok && head.status == 200 && head.method == "HEAD")
            #expect(head.contentType == "text/plain; charset=utf-8")
            #expect(head.sha256 == nil && head.bytesRead == 0)
            #expect(head.retrievedAt == "2026-11-24T00:00:00Z")
            var options = Self.options(server)
            options.alwaysGet = true
            let get = await LinkChecker(options: options).check(server.base + "/ok")
            #expect(get.outcome == .ok && get.method == "GET")
            #expect(get.sha256 == Self.hex(LoopbackHTTPServer.body) && get.bytesRead == LoopbackHTTPServer.body.count)
            #expect(!get.truncated && get.error == nil)
        }
    }

    @Test func notFoundAndServerErrorsAreDead() async throws {
        try await withLoopbackServer { server in
            let checker = LinkChecker(options: Self.options(server))
            let missing = await checker.check(server.base + "/missing")
            #expect(missing.outcome == .dead && missing.status == 404 && missing.error == "HTTP 404")
            let broken = await checker.check(server.base + "/server-error")
            #expect(broken.outcome == .dead && broken.status == 500)
        }
    }

    @Test func aChainOfThreeRedirectsIsFollowedHopByHop() async throws {
        try await withLoopbackServer { server in
            let result = await LinkChecker(options: Self.options(server)).check(server.base + "/chain/3")
            #expect(result.outcome == .ok && result.status == 200)
            #expect(result.redirects == ["/chain/2", "/chain/1", "/ok"].map { server.base + $0 })
            #expect(result.finalURL == server.base + "/ok")
            #expect(server.requests == ["HEAD /chain/3", "HEAD /chain/2", "HEAD /chain/1", "HEAD /ok"])
        }
    }

    @Test func relativeLocationsResolveAgainstTheCurrentURL() async throws {
        try await withLoopbackServer { server in
            let result = await LinkChecker(options: Self.options(server)).check(server.base + "/relative")
            #expect(result.outcome == .ok && result.finalURL == server.base + "/ok")
        }
    }

    @Test(arguments: ["/chain/7", "/loop"])
    func moreThanFiveRedirectsIsDead(_ path: String) async throws {
        try await withLoopbackServer { server in
            let result = await LinkChecker(options: Self.options(server)).check(server.base + path)
            #expect(result.outcome == .dead && result.status == 302)
            #expect(result.error == "more than 5 redirects")
            #expect(result.redirects.count == 5)
            #expect(server.requests.count == 6)
        }
    }

    @Test(arguments: [
        ("/to-private", "private address (10.0.0.0/8)"), ("/to-metadata", "cloud metadata address"),
        ("/to-localhost", "loopback name (localhost)"), ("/to-file", "scheme \"file\""),
    ])
    func redirectsToForbiddenTargetsAreRefusedWithoutConnecting(_ path: String, _ reason: String) async throws {
        try await withLoopbackServer { server in
            let result = await LinkChecker(options: Self.options(server)).check(server.base + path)
            #expect(result.outcome == .refused, "\(result)")
            #expect(result.error?.contains(reason) == true, "\(result.error ?? "")")
            #expect(result.redirects.count == 1 && result.status == nil)
            #expect(server.requests == ["HEAD \(path)"])  // the forbidden hop was never requested
        }
    }

    @Test func allowPrivateFollowsALoopbackRedirect() async throws {
        try await withLoopbackServer { server in
            var options = Self.options(server)
            options.allowPrivate = true
            options.permittedHosts = []
            let result = await LinkChecker(options: options).check(server.base + "/to-localhost")
            #expect(result.outcome == .ok, "\(result)")
            #expect(server.requests == ["HEAD /to-localhost", "HEAD /ok?via-localhost"])
        }
    }

    @Test(arguments: ["/head-405", "/head-501", "/head-drops"])
    func headRejectedOrFailingFallsBackToGet(_ path: String) async throws {
        try await withLoopbackServer { server in
            let result = await LinkChecker(options: Self.options(server)).check(server.base + path)
            #expect(result.outcome == .ok && result.method == "GET" && result.status == 200, "\(result)")
            #expect(result.sha256 == Self.hex(LoopbackHTTPServer.body))
            #expect(server.requests == ["HEAD \(path)", "GET \(path)"])
        }
    }

    @Test func aSlowEndpointTimesOut() async throws {
        try await withLoopbackServer { server in
            let result = await LinkChecker(options: Self.options(server, timeout: 1)).check(server.base + "/slow")
            #expect(result.outcome == .dead && result.status == nil)
            #expect(result.error == "timed out after 1 s", "\(result.error ?? "")")
        }
    }

    /// A body that trickles in forever is never idle, so only the whole-request bound stops it.
    @Test func aTricklingBodyTimesOutToo() async throws {
        try await withLoopbackServer { server in
            var options = Self.options(server, timeout: 1)
            options.alwaysGet = true
            let result = await LinkChecker(options: options).check(server.base + "/drip")
            #expect(result.outcome == .dead && result.error?.contains("timed out") == true, "\(result)")
        }
    }

    @Test func aHugeBodyIsCutAtTheBound() async throws {
        try await withLoopbackServer { server in
            var options = Self.options(server)
            options.alwaysGet = true
            let result = await LinkChecker(options: options).check(server.base + "/huge")
            #expect(result.outcome == .ok && result.truncated)
            #expect(result.bytesRead == options.maxBodyBytes)
            #expect(result.sha256 == Self.hex(Data(repeating: UInt8(ascii: "x"), count: options.maxBodyBytes)))
        }
    }

    @Test func everyCaseAtOnceIsClassifiedSortedAndDeduplicated() async throws {
        try await withLoopbackServer { server in
            let expected: [String: LinkCheckResult.Outcome] = [
                "/ok": .ok, "/missing": .dead, "/server-error": .dead, "/chain/3": .ok, "/chain/7": .dead,
                "/loop": .dead, "/relative": .ok, "/to-private": .refused, "/to-metadata": .refused,
                "/to-localhost": .refused, "/to-file": .refused, "/head-405": .ok, "/head-501": .ok, "/head-drops": .ok, "/slow": .dead, "/drip": .ok, "/huge": .ok,
            ]
            // /drip is ok here: HEAD needs only its headers, which arrive at once.
            let urls = expected.keys.map { server.base + $0 } + [server.base + "/ok"]
            let started = Date()
            // 3 s, not 1: in the full suite, CPU-bound tests can hold both cooperative threads for
            // seconds, and a short bound would then measure the machine rather than the server.
            let results = await LinkChecker(options: Self.options(server, timeout: 3)).check(urls)
            let elapsed = Date().timeIntervalSince(started)
            print("link check of \(results.count) URLs (concurrency 4, timeout 3 s): \(String(format: "%.3f", elapsed)) s")
            #expect(results.map(\.url) == expected.keys.map { server.base + $0 }.sorted())
            for result in results {
                let path = String(result.url.dropFirst(server.base.count))
                #expect(result.outcome == expected[path], "\(path): \(result)")
            }
            #expect(!server.requests.contains { $0.contains("via-localhost") })
        }
    }
}
