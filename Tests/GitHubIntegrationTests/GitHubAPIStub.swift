import Foundation
import _CommandTestSupport

typealias RecordedRequest = LoopbackRequest

/// What the stand-in GitHub API answers to one request.
struct StubResponse: Sendable {
    var status: Int
    var headers: [String: String] = [:]
    var body: String

    static func json(_ status: Int, _ body: String, headers: [String: String] = [:]) -> StubResponse {
        StubResponse(status: status, headers: headers, body: body)
    }
}

/// Runs `body` with a stand-in for the GitHub REST API on 127.0.0.1 (the shared
/// `LoopbackHTTPServer`, which records every request with its headers and body) answering through
/// `route`, and always stops it afterwards.
func withStubServer<T>(_ route: @escaping @Sendable (RecordedRequest) -> StubResponse, _ body: (LoopbackHTTPServer) throws -> T) throws -> T {
    let server = try LoopbackHTTPServer { request, connection in
        let response = route(request)
        connection.respond(
            response.status, body: Data(response.body.utf8), method: request.method,
            contentType: "application/json; charset=utf-8", headers: response.headers.sorted { $0.key < $1.key }
        )
    }
    defer { server.stop() }
    return try body(server)
}
