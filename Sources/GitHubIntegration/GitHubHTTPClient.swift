import Dispatch
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// What GitHub answered to one request.
struct GitHubHTTPResponse: Sendable {
    var status: Int
    /// The `Link` header (pagination), when present.
    var link: String?
    var body: Data
}

/// Synchronous JSON requests to the GitHub REST API over URLSession (libcurl on Linux), each bounded
/// in time and size, with the headers GitHub documents. Redirects are not followed, so the
/// Authorization header never travels to another host.
struct GitHubHTTPClient: Sendable {
    var token: GitHubToken
    var userAgent: String
    var timeout: TimeInterval
    /// A page of 100 comments of up to 65,536 characters each fits well within this.
    var maxBodyBytes = 64 << 20

    static let apiVersion = "2022-11-28"

    func send(_ method: String, _ url: URL, json: String? = nil) throws(GitHubIntegrationError) -> GitHubHTTPResponse {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = method
        request.setValue("Bearer \(token.secret)", forHTTPHeaderField: "Authorization")
        request.setValue("application/vnd.github+json", forHTTPHeaderField: "Accept")
        request.setValue(Self.apiVersion, forHTTPHeaderField: "X-GitHub-Api-Version")
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        if let json {
            request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCredentialStorage = nil
        configuration.urlCache = nil
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let delegate = ResponseCollector(maxBodyBytes: maxBodyBytes)
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: request)
        task.resume()
        // The whole-request bound: URLSession's timeout is an idle timeout on Linux.
        guard delegate.done.wait(timeout: .now() + timeout) == .success else {
            task.cancel()
            throw GitHubIntegrationError(.transport, "no answer from \(url.host ?? "the API") within \(Int(timeout)) s (\(method) \(url.path))")
        }
        return try delegate.result(method: method, url: url)
    }
}

/// Collects one task's response; signals `done` once.
private final class ResponseCollector: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    private let maxBodyBytes: Int
    private let lock = NSLock()
    private var response: HTTPURLResponse?
    private var body = Data()
    private var tooLarge = false
    private var failure: Error?
    private var finished = false

    init(maxBodyBytes: Int) {
        self.maxBodyBytes = maxBodyBytes
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        lock.withLock { self.response = response as? HTTPURLResponse }
        completionHandler(.allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let over: Bool = lock.withLock {
            if body.count + data.count > maxBodyBytes { tooLarge = true } else { body.append(data) }
            return tooLarge
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        let first: Bool = lock.withLock {
            if response == nil { response = task.response as? HTTPURLResponse }
            failure = error
            defer { finished = true }
            return !finished
        }
        if first { done.signal() }
    }

    func result(method: String, url: URL) throws(GitHubIntegrationError) -> GitHubHTTPResponse {
        let (response, body, tooLarge, failure) = lock.withLock { (self.response, self.body, self.tooLarge, self.failure) }
        let request = "\(method) \(url.path)"
        if tooLarge {
            throw GitHubIntegrationError(.invalidResponse, "the answer to \(request) is larger than \(maxBodyBytes >> 20) MiB")
        }
        if let failure {
            throw GitHubIntegrationError(.transport, "cannot reach \(url.host ?? "the API") (\(request)): \(Self.describe(failure))")
        }
        guard let response else {
            throw GitHubIntegrationError(.transport, "no HTTP response to \(request)")
        }
        return GitHubHTTPResponse(status: response.statusCode, link: response.value(forHTTPHeaderField: "Link"), body: body)
    }

    private static func describe(_ error: Error) -> String {
        guard let urlError = error as? URLError else { return error.localizedDescription }
        switch urlError.code {
        case .timedOut: return "timed out"
        case .cannotFindHost, .dnsLookupFailed: return "DNS lookup failed"
        case .cannotConnectToHost: return "connection refused"
        case .networkConnectionLost: return "connection closed by the server"
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
             .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return "TLS failed (\(urlError.code.rawValue))"
        default: return "URLError \(urlError.code.rawValue)"
        }
    }
}
