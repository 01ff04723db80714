import Desk
import Foundation
import HTTPTypes
import Hummingbird
import PayLinks

/// `GET /pay/<token>`: the pay page of the appointment a signed, unexpired link names. A GET changes nothing.
/// A link that is not ours, was changed or has expired gets a plain page saying so (and how else to pay),
/// never an error trace. The page is not cached and sends no Referer (its address is the link).
struct PayPageRoute: Sendable {
    let reception: Reception
    let settings: WebhookSettings
    let links: PayLinks?

    func handle(token: String) async -> Response {
        do {
            let page: PayPage = try await {
                guard let links else {
                    return try await reception.withDesk { desk, _ in desk.refusedPage("Payment links are not set up here.", status: 404) }
                }
                let now = reception.clock.now()
                do {
                    let ref = try await links.ref(from: token, now: now)
                    return try await reception.withDesk { desk, now in
                        desk.payPage(ref: ref, now: now, publishableKey: settings.stripePublishableKey, script: settings.stripeScript)
                    }
                } catch let error as PayLinkError {
                    return try await reception.withDesk { desk, _ in
                        desk.refusedPage(error.description, status: error == .expired ? 410 : 404)
                    }
                }
            }()
            return Response(status: HTTPResponse.Status(code: page.status),
                            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store", .referrerPolicy: "no-referrer"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: page.html)))
        } catch {
            return Response(status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "The desk is not taking requests just now; please try again shortly.\n")))
        }
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
}
