// libFuzzer target "webhooks": the Twilio form body, the Standard Webhooks JSON message, the Stripe event, and
// the three signature checks' header parsing. Built by scripts/fuzz.sh.
//
// Input: lines; the first three are header values (signature; webhook-id or URL; timestamp or secret), the rest
// is the body. Every parser sees the body; what parses is signed and must verify.
import Foundation
import SMS
@testable import Webhooks

private let now = Date(timeIntervalSince1970: 1_772_425_800)
private let standard = try! StandardWebhookSignature(secret: "whsec_" + Data("fuzzing secret".utf8).base64EncodedString())
private let stripe = try! StripeSignature(secret: "whsec_fuzz")
private let url = "https://desk.example/webhooks/twilio?x=1"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let lines = bytes.split(separator: 0x0A, maxSplits: 3, omittingEmptySubsequences: false)
    func line(_ n: Int) -> String? { n < lines.count ? String(decoding: lines[n], as: UTF8.self) : nil }
    let body = Data(lines.count > 3 ? Array(lines[3]) : [])
    let whole = Data(bytes)

    // Twilio: the form body, its signature checked as given and as Twilio would make it.
    for candidate in [whole, body] {
        if let form = try? FormBody(decoding: candidate) {
            for field in form.fields { require(form[field.name] != nil) }
            _ = TwilioSignature.isValid(signature: line(0), url: line(1) ?? url, parameters: form.fields, authToken: "token")
            let expected = TwilioSignature.expected(url: url, parameters: form.fields, authToken: "token")
            require(TwilioSignature.isValid(signature: expected, url: url, parameters: form.fields.reversed(), authToken: "token"))
            if let from = form["From"] { _ = E164(from) }
            if let text = form["Body"] { _ = SMSKeyword(body: text) }
        }
    }

    // The generic JSON message.
    for candidate in [whole, body] {
        if let message = try? WebhookMessage(json: candidate) {
            require(message.id.count <= WebhookMessage.idLimit && !message.id.isEmpty)
            require(message.text.utf8.count <= WebhookMessage.textLimit)
            for field in [message.id, message.from, message.to, message.subject ?? ""] {
                require(!field.contains("\n") && !field.contains("\r"), "a line break in a single-line field")
            }
            if message.channel == .sms { require(E164(message.from)?.value == message.from) }
        }
    }

    // Stripe's event.
    for candidate in [whole, body] {
        if let event = try? StripeEvent(json: candidate) { _ = event.plainFailure }
    }

    // Signature headers: as given, then as signed.
    _ = try? standard.verify(id: line(1), timestamp: line(2), signatureHeader: line(0), body: body, now: now)
    _ = try? stripe.verify(header: line(0), body: body, now: now)
    if let secret = line(2) {
        _ = try? StandardWebhookSignature(secret: secret)
        _ = try? StripeSignature(secret: secret)
    }
    let stamp = Int(now.timeIntervalSince1970)
    let id = line(1).flatMap { $0.isEmpty ? nil : $0 } ?? "msg_1"
    do {
        try standard.verify(id: id, timestamp: String(stamp), signatureHeader: (line(0) ?? "") + " " + standard.sign(id: id, timestamp: stamp, body: body),
                            body: body, now: now)
        try stripe.verify(header: stripe.sign(timestamp: stamp, body: body) + "," + (line(0) ?? ""), body: body, now: now)
    } catch {
        failure("own signature refused: \(error)")
    }
    if let text = line(0), text.utf8.count < 2_000 { _ = SMSSegments(text) }
    return 0
}

/// A check of the harness: unlike `precondition`, says what failed in an optimized build too.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    if !condition { fatalError("fuzz check failed: \(message())", line: line) }
}

private func failure(_ message: String) -> Never { fatalError("fuzz check failed: \(message)") }
