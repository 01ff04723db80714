import Desk
import Foundation
import Hummingbird

/// What both webhooks do with a message they trust: count it against its sender's hour, hand it to the
/// reception (one commit), and answer only after the commit.
struct WebhookIntake: Sendable {
    let reception: Reception
    let allowance: SenderAllowance

    /// `answer` gets "answered", "duplicate", "not answered" or "too many". `counted` false: a message no
    /// limit may hold back (a carrier's STOP or START must always be honoured).
    func take(_ message: InboundMail, sender: String, counted: Bool = true, answer: @Sendable (String) -> Response) async -> Response {
        do {
            switch counted ? await allowance.admit(sender, at: reception.clock.now()) : .welcome {
            case .ignored:
                return answer("too many")
            case .tooMany(let until):
                let limit = allowance.limit
                _ = try await reception.withDesk { desk, now in try desk.answerTooMany(message, limit: limit, until: until, now: now) }
                return answer("too many")
            case .welcome:
                let reports = try await reception.receive([message])
                switch reports.first?.result {
                case .answered: return answer("answered")
                case .duplicate: return answer("duplicate")
                case .silent, nil: return answer("not answered")
                }
            }
        } catch is Reception.Closed {
            return WebhookAnswer.refusal(.serviceUnavailable, "the desk is closing; send again shortly")
        } catch {
            reception.logger.error("webhook message not handled", metadata: ["error": "\(error)"])
            return WebhookAnswer.refusal(.internalServerError, "the message could not be stored; send it again")
        }
    }
}
