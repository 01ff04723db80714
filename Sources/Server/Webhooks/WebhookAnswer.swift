import Foundation
import Hummingbird

/// The JSON every webhook answers with: `{"status": "…"}` on success, `{"error": "…"}` on a refusal, so a
/// gateway's log says what was wrong without anyone reading ours.
enum WebhookAnswer {
    static func json(_ status: HTTPResponse.Status, _ fields: [String: String]) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = (try? encoder.encode(fields)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    static func refusal(_ status: HTTPResponse.Status, _ error: String) -> Response { json(status, ["error": error]) }

    /// What Twilio expects from a messaging webhook when the answer goes by the REST API instead: an empty TwiML document.
    static func emptyTwiML() -> Response {
        Response(status: .ok, headers: [.contentType: "text/xml; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>")))
    }

    /// The body, or the refusal to send when it is larger than `limit`.
    static func body(of request: inout Request, limit: Int) async -> Result<Data, Refused> {
        do {
            let buffer = try await request.collectBody(upTo: limit)
            return .success(Data(buffer.readableBytesView))
        } catch {
            return .failure(Refused(response: refusal(.contentTooLarge, "the body is larger than \(limit) bytes")))
        }
    }

    struct Refused: Error {
        let response: Response
    }
}
