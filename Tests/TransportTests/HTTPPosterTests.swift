import TestServers
import Foundation
import Testing
import Transport

@Suite(.timeLimit(.minutes(1)))
struct HTTPPosterTests {
    init() {
        Curl.initialise()
    }

    private struct Echo: Decodable {
        let path: String
        let headers: [String: String]
        let body_base64: String
    }

    @Test func postsBodyHeadersAndBasicAuthOverOneHandle() throws {
        let files = try TemporaryDirectory()
        let server = try ScriptServer(script: "http-test-server.py", arguments: [], logPath: files.path("http.log"))
        defer { server.stop() }
        let poster = try HTTPPoster()
        let body = Data(#"{"to":"+15550100","text":"Booked"}"#.utf8)

        let first = try poster.post(
            url: "http://127.0.0.1:\(server.port)/status/201",
            headers: [("Content-Type", "application/json"), ("X-Request-Id", "abc-1")],
            body: body, basicAuth: HTTPCredentials(username: "desk", password: "s3cret")
        ).get()
        let second = try poster.post(
            url: "http://127.0.0.1:\(server.port)/hook", headers: [("Content-Type", "text/plain")], body: Data()
        ).get()

        #expect(first.status == 201)
        let echo = try JSONDecoder().decode(Echo.self, from: first.body)
        #expect(echo.path == "/status/201")
        #expect(Data(base64Encoded: echo.body_base64) == body)
        #expect(echo.headers["content-type"] == "application/json")
        #expect(echo.headers["x-request-id"] == "abc-1")
        #expect(echo.headers["authorization"] == "Basic " + Data("desk:s3cret".utf8).base64EncodedString())
        #expect(echo.headers["expect"] == nil)

        #expect(second.status == 200)
        let secondEcho = try JSONDecoder().decode(Echo.self, from: second.body)
        #expect(secondEcho.headers["authorization"] == nil)
        #expect(secondEcho.headers["x-request-id"] == nil)
        #expect(secondEcho.body_base64.isEmpty)
    }

    @Test func refusesHeaderInjectionBeforeTheNetwork() throws {
        let poster = try HTTPPoster()
        let result = poster.post(
            url: "http://127.0.0.1:\(unusedPort())/", headers: [("X-A", "ok\r\nX-Evil: 1")], body: Data())
        #expect(throws: HTTPTransportError.self) { try result.get() }
        if case .failure(let error) = result { #expect(error.kind == .invalidRequest) }
    }

    @Test func connectionRefusedIsATransportError() throws {
        let poster = try HTTPPoster(connectTimeout: 2, transferTimeout: 5)
        let result = poster.post(url: "http://127.0.0.1:\(unusedPort())/", headers: [], body: Data("x".utf8))
        guard case .failure(let error) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(error.kind == .couldNotConnect)
    }
}
