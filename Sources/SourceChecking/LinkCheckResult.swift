/// What checking one distinct source URL found. One entry of `Reports/sources.json`.
public struct LinkCheckResult: Sendable, Equatable {
    public enum Outcome: String, Sendable {
        /// The URL (after redirects) answered 2xx.
        case ok
        /// 4xx/5xx, timeout, DNS failure, connection failure, too many redirects.
        case dead
        /// Never requested: not http(s), or the host is or resolves to a non-public address.
        case refused
    }

    public var url: String
    public var outcome: Outcome
    /// HTTP status of the last response, when there was one.
    public var status: Int?
    /// The URL of the last request made (after redirects).
    public var finalURL: String?
    public var contentType: String?
    /// HEAD or GET: the method of the last request made.
    public var method: String?
    /// Every redirect target followed, in order.
    public var redirects: [String]
    /// Body bytes read from the last response (none for HEAD).
    public var bytesRead: Int
    /// The body was longer than the bound and was cut.
    public var truncated: Bool
    /// SHA-256 of the bytes read, when a body was read.
    public var sha256: String?
    /// ISO 8601, UTC.
    public var retrievedAt: String
    public var error: String?

    public init(
        url: String, outcome: Outcome, status: Int? = nil, finalURL: String? = nil, contentType: String? = nil,
        method: String? = nil, redirects: [String] = [], bytesRead: Int = 0, truncated: Bool = false,
        sha256: String? = nil, retrievedAt: String, error: String? = nil
    ) {
        self.url = url
        self.outcome = outcome
        self.status = status
        self.finalURL = finalURL
        self.contentType = contentType
        self.method = method
        self.redirects = redirects
        self.bytesRead = bytesRead
        self.truncated = truncated
        self.sha256 = sha256
        self.retrievedAt = retrievedAt
        self.error = error
    }
}
