import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request a `LoopbackHTTPServer` received.
public struct LoopbackRequest: Sendable {
    public var method: String
    /// Path and query, as sent.
    public var target: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: String

    /// The target without its query.
    public var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
}

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) over POSIX sockets, one thread per
/// connection, shared by the tests that need an HTTP peer (the link checker, the GitHub client).
/// Everything it does is bounded: request heads are read up to 16 KiB and bodies up to 1 MiB, and
/// `stop()` shuts every socket so no thread outlives the test by more than the route allows.
/// Each request is answered by `route`, which writes to the connection (and may stream or stall).
public final class LoopbackHTTPServer: @unchecked Sendable {
    public let port: Int
    private let route: @Sendable (LoopbackRequest, LoopbackConnection) -> Void
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var open: Set<Int32> = []
    private var log: [LoopbackRequest] = []

    public init(route: @escaping @Sendable (LoopbackRequest, LoopbackConnection) -> Void) throws {
        self.route = route
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw LoopbackServerError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else {
            close(listener)
            throw LoopbackServerError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    public var base: String { "http://127.0.0.1:\(port)" }

    /// `METHOD target` of every request received, in arrival order.
    public var requests: [String] { lock.withLock { log.map { "\($0.method) \($0.target)" } } }

    /// Every request received, with headers and body, in arrival order.
    public var recordedRequests: [LoopbackRequest] { lock.withLock { log } }

    public func stop() {
        let sockets: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in sockets { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    var isStopped: Bool { lock.withLock { stopped } }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR && !isStopped { continue }
                break
            }
            let accepted: Bool = lock.withLock {
                guard !stopped else { return false }
                open.insert(fd)
                return true
            }
            guard accepted else {
                close(fd)
                break
            }
            Thread { [self] in
                handle(fd)
                lock.withLock { _ = open.remove(fd) }
                close(fd)
            }.start()
        }
        close(listener)
    }

    private func handle(_ fd: Int32) {
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connection = LoopbackConnection(fd: fd, server: self)
        guard let request = readRequest(connection) else { return }
        lock.withLock { log.append(request) }
        route(request, connection)
    }

    private func readRequest(_ connection: LoopbackConnection) -> LoopbackRequest? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard data.count < 16 << 10 else { return nil }
            let count = recv(connection.fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            headEnd = data.range(of: separator)
        }
        let head = String(decoding: data[..<headEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ", maxSplits: 2)
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        // libcurl waits for this before sending a larger body.
        if headers["expect"]?.lowercased() == "100-continue" {
            connection.write(Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let length = min(Int(headers["content-length"] ?? "0") ?? 0, 1 << 20)
        var body = Data(data[headEnd!.upperBound...])
        while body.count < length {
            let count = recv(connection.fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return LoopbackRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
                               body: String(decoding: body, as: UTF8.self))
    }
}

/// The socket of one request, for its route to answer on.
public final class LoopbackConnection: @unchecked Sendable {
    let fd: Int32
    private unowned let server: LoopbackHTTPServer

    init(fd: Int32, server: LoopbackHTTPServer) {
        self.fd = fd
        self.server = server
    }

    /// True once the test stopped the server: long-running routes should return.
    public var isStopped: Bool { server.isStopped }

    /// A complete response with `Content-Length` and `Connection: close`; no body for HEAD.
    public func respond(_ status: Int, body: Data = Data(), method: String = "GET",
                        contentType: String = "text/plain; charset=utf-8", headers: [(String, String)] = []) {
        var head = "HTTP/1.1 \(status) Status\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Connection: close\r\n\r\n"
        write(Data(head.utf8) + (method == "HEAD" ? Data() : body))
    }

    /// Raw bytes; false when the client has gone.
    @discardableResult
    public func write(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard count > 0 else { return false }
                offset += count
            }
            return true
        }
    }

    /// Never answers; returns when the client closes, the server stops, or after `seconds`.
    public func waitForClientToLeave(seconds: Int = 10) {
        for _ in 0..<(seconds * 20) where !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                var byte: UInt8 = 0
                if recv(fd, &byte, 1, 0) <= 0 { return }
            }
        }
    }
}

public struct LoopbackServerError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
