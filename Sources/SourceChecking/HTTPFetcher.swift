import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What one HTTP request returned, redirects not followed.
public struct HTTPExchange: Sendable, Equatable {
    public var status: Int
    /// The `Location` header of a redirect.
    public var location: String?
    public var contentType: String?
    /// At most `maxBodyBytes` of the body.
    public var body: Data
    /// The server had more than `body`; the transfer was stopped.
    public var truncated: Bool
}

public enum HTTPFetchFailure: Error, Equatable, Sendable {
    case timedOut
    case transport(String)
}

/// One request over URLSession (libcurl on Linux), bounded in time and bytes, with automatic
/// redirection refused: the caller sees every 3xx and vets the next hop itself before following it.
struct HTTPFetcher: Sendable {
    var timeout: TimeInterval
    var maxBodyBytes: Int
    var userAgent: String

    func fetch(_ url: URL, method: String) async -> Result<HTTPExchange, HTTPFetchFailure> {
        let configuration = URLSessionConfiguration.ephemeral
        // Nothing is remembered or sent beyond the request itself.
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = ["User-Agent": userAgent, "Accept": "*/*"]
        let delegate = SingleRequestDelegate(maxBodyBytes: maxBodyBytes)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        let task = session.dataTask(with: request)
        let result = await withCheckedContinuation { continuation in
            delegate.once.install(continuation)
            task.resume()
            // The whole-request bound. URLSession's request timeout is an idle timeout (a body that
            // trickles a byte at a time never trips it) and swift-corelibs-foundation does not enforce
            // timeoutIntervalForResource, so this timer is what caps a request at `timeout` seconds.
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [weak task] in
                delegate.once.resume(.failure(.timedOut))
                task?.cancel()
            }
        }
        return result
    }
}

/// Collects one task's response and at most `maxBodyBytes` of its body.
private final class SingleRequestDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let once = ResumeOnce<Result<HTTPExchange, HTTPFetchFailure>>()
    private let maxBodyBytes: Int
    private let lock = NSLock()
    private var response: HTTPURLResponse?
    private var body = Data()
    private var truncated = false

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)  // the checker follows redirects itself, after vetting each hop
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let full: Bool = lock.withLock {
            let room = maxBodyBytes - body.count
            if data.count > room {
                body.append(data.prefix(room))
                truncated = true
            } else {
                body.append(data)
            }
            return truncated
        }
        if full {
            finish(error: nil)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let http = task.response as? HTTPURLResponse
        lock.withLock { if self.response == nil { self.response = http } }
        finish(error: error)
    }

    private func finish(error: Error?) {
        let (response, body, truncated) = lock.withLock { (self.response, self.body, self.truncated) }
        if truncated || error == nil, let response {
            once.resume(.success(HTTPExchange(
                status: response.statusCode,
                location: response.value(forHTTPHeaderField: "Location"),
                contentType: response.value(forHTTPHeaderField: "Content-Type"),
                body: body, truncated: truncated)))
            return
        }
        once.resume(.failure(Self.failure(error)))
    }

    private static func failure(_ error: Error?) -> HTTPFetchFailure {
        guard let urlError = error as? URLError else {
            return .transport(error.map { "\($0.localizedDescription)" } ?? "no HTTP response")
        }
        switch urlError.code {
        case .timedOut: return .timedOut
        case .cannotFindHost, .dnsLookupFailed: return .transport("DNS lookup failed")
        case .cannotConnectToHost: return .transport("connection refused")
        case .networkConnectionLost: return .transport("connection closed by the server")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .transport("TLS failed: \(urlError.localizedDescription)")
        default: return .transport("\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))")
        }
    }
}
