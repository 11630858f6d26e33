import Crypto
import Foundation

/// Checks source URLs: each hop vetted (scheme, every resolved address), HEAD first with a GET
/// fallback, redirects followed by hand up to the bound, a bounded number of URLs at a time.
public struct LinkChecker: Sendable {
    public var options: SourceCheckOptions
    var resolver = HostResolver()

    public init(options: SourceCheckOptions) {
        self.options = options
    }

    /// One result per distinct URL, sorted by URL.
    public func check(_ urls: [String]) async -> [LinkCheckResult] {
        let pending = Array(Set(urls)).sorted()
        let limit = max(1, options.concurrency)
        var results: [LinkCheckResult] = []
        await withTaskGroup(of: LinkCheckResult.self) { group in
            var next = 0
            while next < min(limit, pending.count) {
                let url = pending[next]
                group.addTask { await self.check(url) }
                next += 1
            }
            while let result = await group.next() {
                results.append(result)
                if next < pending.count {
                    let url = pending[next]
                    group.addTask { await self.check(url) }
                    next += 1
                }
            }
        }
        return results.sorted { $0.url < $1.url }
    }

    public func check(_ url: String) async -> LinkCheckResult {
        var current = url
        var redirects: [String] = []
        for hop in 0...options.maxRedirects {
            let target: FetchTarget
            switch await FetchTarget.vet(current, options: options, resolver: resolver) {
            case .success(let vetted): target = vetted
            case .failure(let refusal):
                return failed(url, refusal: refusal, at: current, redirects: redirects)
            }
            let (method, fetched) = await request(target.url)
            let exchange: HTTPExchange
            switch fetched {
            case .success(let answer): exchange = answer
            case .failure(let failure):
                let message = failure == .timedOut ? "timed out after \(Self.seconds(options.timeout))" : Self.text(failure)
                return result(url, .dead, finalURL: current, method: method, redirects: redirects, error: message)
            }
            if (300...399).contains(exchange.status), let location = exchange.location {
                guard let nextURL = URL(string: location, relativeTo: target.url)?.absoluteURL.absoluteString else {
                    return result(url, .dead, exchange, finalURL: current, method: method, redirects: redirects,
                                  error: "redirect to an unreadable Location")
                }
                if hop == options.maxRedirects {
                    return result(url, .dead, exchange, finalURL: current, method: method, redirects: redirects,
                                  error: "more than \(options.maxRedirects) redirects")
                }
                redirects.append(nextURL)
                current = nextURL
                continue
            }
            let outcome: LinkCheckResult.Outcome = (200...299).contains(exchange.status) ? .ok : .dead
            let error = outcome == .ok ? nil : "HTTP \(exchange.status)"
            return result(url, outcome, exchange, finalURL: current, method: method, redirects: redirects, error: error)
        }
        preconditionFailure("the redirect loop returns on its last hop")
    }

    /// HEAD first (cheap); GET when the server rejects HEAD (405, 501) or HEAD fails outright. A
    /// HEAD that timed out is not retried: a server that slow would only double the wait.
    private func request(_ url: URL) async -> (String, Result<HTTPExchange, HTTPFetchFailure>) {
        let fetcher = HTTPFetcher(timeout: options.timeout, maxBodyBytes: options.maxBodyBytes, userAgent: options.userAgent)
        if !options.alwaysGet {
            let head = await fetcher.fetch(url, method: "HEAD")
            switch head {
            case .success(let exchange) where exchange.status != 405 && exchange.status != 501:
                return ("HEAD", head)
            case .failure(.timedOut):
                return ("HEAD", head)
            default:
                break
            }
        }
        return ("GET", await fetcher.fetch(url, method: "GET"))
    }

    private func failed(_ url: String, refusal: FetchTarget.Refusal, at current: String, redirects: [String]) -> LinkCheckResult {
        let hop = redirects.isEmpty ? "" : "redirect to \(current): "
        switch refusal {
        case .unsupported(let reason), .privateAddress(let reason):
            return result(url, .refused, finalURL: current, redirects: redirects, error: "refused: \(hop)\(reason)")
        case .unresolvable(let reason):
            return result(url, .dead, finalURL: current, redirects: redirects, error: "\(hop)\(reason)")
        }
    }

    private func result(
        _ url: String, _ outcome: LinkCheckResult.Outcome, _ exchange: HTTPExchange? = nil, finalURL: String,
        method: String? = nil, redirects: [String], error: String?
    ) -> LinkCheckResult {
        let body = exchange.map { method == "GET" ? $0.body : nil } ?? nil
        return LinkCheckResult(
            url: url, outcome: outcome, status: exchange?.status, finalURL: finalURL,
            contentType: exchange?.contentType, method: method, redirects: redirects,
            bytesRead: body?.count ?? 0, truncated: exchange?.truncated ?? false,
            sha256: body.map { SHA256.hash(data: $0).map { String(format: "%02x", $0) }.joined() },
            retrievedAt: Self.timestamp(options.fixedRetrievedAt ?? Date()), error: error)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    private static func seconds(_ value: TimeInterval) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    private static func text(_ failure: HTTPFetchFailure) -> String {
        switch failure {
        case .timedOut: return "timed out"
        case .transport(let reason): return reason
        }
    }
}
