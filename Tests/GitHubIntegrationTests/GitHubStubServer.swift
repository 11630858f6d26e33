import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One request the stub received.
struct RecordedRequest: Sendable {
    var method: String
    /// Path and query, as sent.
    var target: String
    /// Header names lower-cased.
    var headers: [String: String]
    var body: String

    var path: String { String(target.split(separator: "?", maxSplits: 1).first ?? "") }
}

/// What the stub answers.
struct StubResponse: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String

    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> StubResponse {
        StubResponse(status: status, headers: headers.merging(["Content-Type": "application/json; charset=utf-8"]) { $1 }, body: body)
    }
}

/// A stand-in for the GitHub REST API on 127.0.0.1 (an ephemeral port), adapted from the link
/// checker's LoopbackHTTPServer: POSIX sockets, one thread per connection, request heads up to
/// 16 KiB and bodies up to 1 MiB read, every request recorded, answers from `route`.
final class GitHubStubServer: @unchecked Sendable {
    let port: Int
    private let route: @Sendable (RecordedRequest) -> StubResponse
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var open: Set<Int32> = []
    private var log: [RecordedRequest] = []

    init(route: @escaping @Sendable (RecordedRequest) -> StubResponse) throws {
        self.route = route
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard listener >= 0 else { throw StubError("socket: \(errno)") }
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
            throw StubError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        self.listener = listener
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in acceptLoop() }.start()
    }

    var base: String { "http://127.0.0.1:\(port)" }

    var requests: [RecordedRequest] { lock.withLock { log } }

    func stop() {
        let sockets: Set<Int32> = lock.withLock {
            stopped = true
            return open
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in sockets { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR && !lock.withLock({ stopped }) { continue }
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
        guard let request = readRequest(fd) else { return }
        lock.withLock { log.append(request) }
        let response = route(request)
        var head = "HTTP/1.1 \(response.status) Stub\r\nContent-Length: \(response.body.utf8.count)\r\nConnection: close\r\n"
        for (name, value) in response.headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        write(fd, Data((head + "\r\n").utf8) + Data(response.body.utf8))
    }

    private func readRequest(_ fd: Int32) -> RecordedRequest? {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        var headEnd: Range<Data.Index>?
        while headEnd == nil {
            guard data.count < 16 << 10 else { return nil }
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            data.append(contentsOf: buffer[0..<count])
            headEnd = data.range(of: separator)
        }
        let head = String(decoding: data[..<headEnd!.lowerBound], as: UTF8.self)
        var lines = head.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        if headers["expect"]?.lowercased() == "100-continue" {
            write(fd, Data("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        }
        let length = min(Int(headers["content-length"] ?? "0") ?? 0, 1 << 20)
        var body = Data(data[headEnd!.upperBound...])
        while body.count < length {
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            body.append(contentsOf: buffer[0..<count])
        }
        return RecordedRequest(method: String(requestLine[0]), target: String(requestLine[1]), headers: headers,
                               body: String(decoding: body, as: UTF8.self))
    }

    private func write(_ fd: Int32, _ data: Data) {
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let count = Glibc.send(fd, raw.baseAddress! + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
                guard count > 0 else { return }
                offset += count
            }
        }
    }
}

struct StubError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Runs `body` with a fresh stub and always stops it afterwards.
func withStubServer<T>(_ route: @escaping @Sendable (RecordedRequest) -> StubResponse, _ body: (GitHubStubServer) throws -> T) throws -> T {
    let server = try GitHubStubServer(route: route)
    defer { server.stop() }
    return try body(server)
}
