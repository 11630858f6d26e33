import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) over POSIX sockets, one thread per
/// connection, for the link checker's tests. Everything it does is bounded: request heads are read
/// up to 16 KiB, the slow route gives up after 10 s or when the client leaves, the huge route sends
/// at most 8 MiB, and `stop()` shuts every socket so no thread outlives the test by more than 50 ms.
final class LoopbackHTTPServer: @unchecked Sendable {
    let port: Int
    static let body = Data("hello from the loopback server\n".utf8)
    static let hugeSize = 8 << 20

    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var open: Set<Int32> = []
    private var log: [String] = []

    init() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw ServerError("socket: \(errno)") }
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
            throw ServerError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    /// `METHOD /path` of every request received, in arrival order.
    var requests: [String] { lock.withLock { log } }

    func stop() {
        let sockets: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in sockets { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { lock.withLock { stopped } }

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
        guard let head = readHead(fd) else { return }
        let parts = head.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2 else { return }
        let method = String(parts[0])
        let path = String(parts[1])
        lock.withLock { log.append("\(method) \(path)") }
        respond(fd, method: method, path: path)
    }

    private func readHead(_ fd: Int32) -> String? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while data.count < 16 << 10 {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            if data.range(of: Data("\r\n\r\n".utf8)) != nil { return String(decoding: data, as: UTF8.self) }
        }
        return nil
    }

    private func respond(_ fd: Int32, method: String, path: String) {
        let route = path.split(separator: "?").first.map(String.init) ?? path
        switch route {
        case "/ok": send(fd, 200, body: Self.body, method: method)
        case "/missing": send(fd, 404, body: Data("not here\n".utf8), method: method)
        case "/server-error": send(fd, 500, body: Data("broken\n".utf8), method: method)
        case "/loop": redirect(fd, to: "/loop")
        case "/relative": redirect(fd, to: "ok")
        case "/to-private": redirect(fd, to: "http://10.1.2.3/")
        case "/to-metadata": redirect(fd, to: "http://169.254.169.254/latest/meta-data/")
        case "/to-localhost": redirect(fd, to: "http://localhost:\(port)/ok?via-localhost")
        case "/to-file": redirect(fd, to: "file:///etc/passwd")
        case "/head-405":
            if method == "HEAD" { send(fd, 405, body: Data(), method: method, extra: "Allow: GET\r\n") }
            else { send(fd, 200, body: Self.body, method: method) }
        case "/head-501":
            if method == "HEAD" { send(fd, 501, body: Data(), method: method) }
            else { send(fd, 200, body: Self.body, method: method) }
        case "/head-drops":
            if method != "HEAD" { send(fd, 200, body: Self.body, method: method) }  // HEAD: hang up, no answer
        case "/slow": waitForClientToLeave(fd)
        case "/drip": drip(fd)
        case "/huge": sendHuge(fd, method: method)
        default:
            if route.hasPrefix("/chain/"), let hops = Int(route.dropFirst("/chain/".count)), hops > 0 {
                redirect(fd, to: hops == 1 ? "/ok" : "/chain/\(hops - 1)")
            } else {
                send(fd, 404, body: Data(), method: method)
            }
        }
    }

    private func redirect(_ fd: Int32, to location: String) {
        send(fd, 302, body: Data(), method: "HEAD", extra: "Location: \(location)\r\n")
    }

    private func send(_ fd: Int32, _ status: Int, body: Data, method: String, extra: String = "") {
        let head = "HTTP/1.1 \(status) Status\r\nContent-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.count)\r\n\(extra)Connection: close\r\n\r\n"
        write(fd, Data(head.utf8) + (method == "HEAD" ? Data() : body))
    }

    /// Headers promising 8 MiB, then chunks until done, the client hangs up, or the server stops.
    private func sendHuge(_ fd: Int32, method: String) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(Self.hugeSize)\r\nConnection: close\r\n\r\n"
        guard write(fd, Data(head.utf8)), method != "HEAD" else { return }
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 64 << 10)
        var sent = 0
        while sent < Self.hugeSize, !isStopped, write(fd, chunk) { sent += chunk.count }
    }

    /// Headers promising 1 KiB, then one byte every 100 ms: never idle, never done. Bounded to 10 s.
    private func drip(_ fd: Int32) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1024\r\nConnection: close\r\n\r\n"
        guard write(fd, Data(head.utf8)) else { return }
        for _ in 0..<100 where !isStopped {
            guard write(fd, Data("x".utf8)) else { return }
            usleep(100_000)
        }
    }

    /// Never answers; returns when the client closes, the server stops, or after 10 s.
    private func waitForClientToLeave(_ fd: Int32) {
        for _ in 0..<200 where !isStopped {
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 50) > 0 {
                var byte: UInt8 = 0
                if recv(fd, &byte, 1, 0) <= 0 { return }
            }
        }
    }

    @discardableResult
    private func write(_ fd: Int32, _ data: Data) -> Bool {
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
}

struct ServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a fresh server and always stops it afterwards.
func withLoopbackServer<T>(_ body: (LoopbackHTTPServer) async throws -> T) async throws -> T {
    let server = try LoopbackHTTPServer()
    defer { server.stop() }
    return try await body(server)
}
