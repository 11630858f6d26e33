import Foundation
import _CommandTestSupport

/// The routes the link checker's tests request from the shared `LoopbackHTTPServer`: plain answers,
/// redirects (relative, looping, to private, metadata and file addresses), servers that mishandle
/// HEAD, and bounded slow, dripping and huge bodies (the slow route gives up after 10 s or when the
/// client leaves, the drip after 10 s, the huge route sends at most 8 MiB).
enum LinkCheckerRoutes {
    static let body = Data("hello from the loopback server\n".utf8)
    static let hugeSize = 8 << 20

    @Sendable static func respond(_ request: LoopbackRequest, _ connection: LoopbackConnection) {
        let method = request.method
        let port = request.headers["host"]?.split(separator: ":").last.map(String.init) ?? ""
        switch request.path {
        case "/ok": connection.respond(200, body: body, method: method)
        case "/missing": connection.respond(404, body: Data("not here\n".utf8), method: method)
        case "/server-error": connection.respond(500, body: Data("broken\n".utf8), method: method)
        case "/loop": redirect(connection, to: "/loop")
        case "/relative": redirect(connection, to: "ok")
        case "/to-private": redirect(connection, to: "http://10.1.2.3/")
        case "/to-metadata": redirect(connection, to: "http://169.254.169.254/latest/meta-data/")
        case "/to-localhost": redirect(connection, to: "http://localhost:\(port)/ok?via-localhost")
        case "/to-file": redirect(connection, to: "file:///etc/passwd")
        case "/head-405":
            if method == "HEAD" { connection.respond(405, method: method, headers: [("Allow", "GET")]) }
            else { connection.respond(200, body: body, method: method) }
        case "/head-501":
            if method == "HEAD" { connection.respond(501, method: method) }
            else { connection.respond(200, body: body, method: method) }
        case "/head-drops":
            if method != "HEAD" { connection.respond(200, body: body, method: method) }  // HEAD: hang up, no answer
        case "/slow": connection.waitForClientToLeave(seconds: 10)
        case "/drip": drip(connection)
        case "/huge": sendHuge(connection, method: method)
        default:
            let route = request.path
            if route.hasPrefix("/chain/"), let hops = Int(route.dropFirst("/chain/".count)), hops > 0 {
                redirect(connection, to: hops == 1 ? "/ok" : "/chain/\(hops - 1)")
            } else {
                connection.respond(404, method: method)
            }
        }
    }

    private static func redirect(_ connection: LoopbackConnection, to location: String) {
        connection.respond(302, method: "HEAD", headers: [("Location", location)])
    }

    /// Headers promising 8 MiB, then chunks until done, the client hangs up, or the server stops.
    private static func sendHuge(_ connection: LoopbackConnection, method: String) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: \(hugeSize)\r\nConnection: close\r\n\r\n"
        guard connection.write(Data(head.utf8)), method != "HEAD" else { return }
        let chunk = Data(repeating: UInt8(ascii: "x"), count: 64 << 10)
        var sent = 0
        while sent < hugeSize, !connection.isStopped, connection.write(chunk) { sent += chunk.count }
    }

    /// Headers promising 1 KiB, then one byte every 100 ms: never idle, never done. Bounded to 10 s.
    private static func drip(_ connection: LoopbackConnection) {
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 1024\r\nConnection: close\r\n\r\n"
        guard connection.write(Data(head.utf8)) else { return }
        for _ in 0..<100 where !connection.isStopped {
            guard connection.write(Data("x".utf8)) else { return }
            usleep(100_000)
        }
    }
}

extension LoopbackHTTPServer {
    static var body: Data { LinkCheckerRoutes.body }
}

/// Runs `body` with a fresh server answering the link checker's routes, and always stops it afterwards.
func withLoopbackServer<T>(_ body: (LoopbackHTTPServer) async throws -> T) async throws -> T {
    let server = try LoopbackHTTPServer(route: LinkCheckerRoutes.respond)
    defer { server.stop() }
    return try await body(server)
}
