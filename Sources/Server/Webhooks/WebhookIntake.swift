import Desk
import Foundation
import Hummingbird
import Store

/// What both webhooks do with a message they trust: hand it to the reception (one commit; the desk counts
/// it against its sender's hour) and answer only after the commit.
struct WebhookIntake: Sendable {
    let reception: Reception

    /// `answer` gets "answered", "duplicate", "not answered" or "too many" (past the sender's hourly allowance:
    /// not read).
    func take(_ message: InboundMessage, answer: @Sendable (String) -> Response) async -> Response {
        do {
            let reports = try await reception.receive([message])
            switch reports.first?.result {
            case .answered: return answer("answered")
            case .duplicate: return answer("duplicate")
            case .silent(let reason) where reason == Desk.pastAllowance: return answer("too many")
            case .silent, nil: return answer("not answered")
            }
        } catch is Reception.Closed {
            return WebhookAnswer.refusal(.serviceUnavailable, "the desk is closing; send again shortly")
        } catch let failure as any StoreFailure where failure.isTemporary {
            // Nothing was stored: the sender's retry is what brings the message in once the database is back.
            var refusal = WebhookAnswer.refusal(.serviceUnavailable, "the desk's database cannot be reached; send it again shortly")
            refusal.headers[.retryAfter] = "5"
            return refusal
        } catch {
            reception.logger.error("webhook message not handled", metadata: ["error": "\(error)"])
            return WebhookAnswer.refusal(.internalServerError, "the message could not be stored; send it again")
        }
    }
}
