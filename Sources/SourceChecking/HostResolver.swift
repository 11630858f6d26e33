import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves a host name to every address it has, as the system resolver (getaddrinfo) does —
/// which also accepts the numeric shorthands `127.1`, `0x7f.1` and `2130706433`, so those are
/// caught by classifying the result rather than by parsing the text.
public struct HostResolver: Sendable {
    public enum Failure: Error, Equatable, Sendable {
        case notFound(String)
        case timedOut
    }

    public init() {}

    /// All addresses of `host`, or the failure. getaddrinfo cannot be cancelled, so the lookup runs
    /// on its own thread and the caller stops waiting after `timeout`; a late answer is dropped.
    public func resolve(_ host: String, timeout: TimeInterval) async -> Result<[IPAddress], Failure> {
        let once = ResumeOnce<Result<[IPAddress], Failure>>()
        return await withCheckedContinuation { continuation in
            once.install(continuation)
            DispatchQueue.global().async { once.resume(Self.lookup(host)) }
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { once.resume(.failure(.timedOut)) }
        }
    }

    static func lookup(_ host: String) -> Result<[IPAddress], Failure> {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            return .failure(.notFound(String(cString: gai_strerror(status))))
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = Self.address(entry.pointee), !addresses.contains(address) {
                addresses.append(address)
            }
            cursor = entry.pointee.ai_next
        }
        return addresses.isEmpty ? .failure(.notFound("no IP address")) : .success(addresses)
    }

    private static func address(_ info: addrinfo) -> IPAddress? {
        guard let socketAddress = info.ai_addr else { return nil }
        switch info.ai_family {
        case AF_INET:
            var v4 = socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            return IPAddress(bytes: withUnsafeBytes(of: &v4) { Array($0) })
        case AF_INET6:
            var v6 = socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { $0.pointee.sin6_addr }
            return IPAddress(bytes: withUnsafeBytes(of: &v6) { Array($0) })
        default:
            return nil
        }
    }
}

/// Resumes a continuation exactly once, whichever of several racing callbacks comes first.
final class ResumeOnce<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?
    private var pending: Value?
    private var done = false

    func install(_ continuation: CheckedContinuation<Value, Never>) {
        lock.lock()
        if let pending {
            lock.unlock()
            continuation.resume(returning: pending)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    func resume(_ value: Value) {
        lock.lock()
        guard !done else {
            lock.unlock()
            return
        }
        done = true
        if let continuation {
            self.continuation = nil
            lock.unlock()
            continuation.resume(returning: value)
        } else {
            pending = value
            lock.unlock()
        }
    }
}
