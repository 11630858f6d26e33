import Foundation

/// How `sources --check` fetches URLs. Every bound is here so a hostile profile cannot make the
/// check run long, read much, or reach where it should not.
public struct SourceCheckOptions: Sendable {
    /// URLs checked at the same time.
    public var concurrency: Int = 4
    /// Seconds allowed for each request (and for each host lookup).
    public var timeout: TimeInterval = 10
    /// Redirects followed before giving up; each hop is checked like the first URL.
    public var maxRedirects: Int = 5
    /// Bytes of a body read (and hashed) before the transfer is stopped.
    public var maxBodyBytes: Int = 1 << 20
    /// Always GET (so every body is hashed) instead of HEAD first.
    public var alwaysGet: Bool = false
    /// Skip the address check: for internal wikis on private networks.
    public var allowPrivate: Bool = false
    /// Exact `host:port` pairs reached even when private addresses are refused. Tests use it to reach
    /// their own server on 127.0.0.1 while still seeing every other private address refused; the
    /// command line does not expose it.
    public var permittedHosts: Set<String> = []
    /// The `retrieved_at` of every result, when fixed (from SOURCE_DATE_EPOCH); else the clock.
    public var fixedRetrievedAt: Date?
    public var userAgent: String = "review-profile source check"

    public init() {}
}
