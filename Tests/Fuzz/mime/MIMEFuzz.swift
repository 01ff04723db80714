// libFuzzer target "mime": whole messages through MailMessage.parse(bytes:), then everything the desk reads
// from a parsed message, and the header-value parsers on the raw input. Built by scripts/fuzz.sh.
import Foundation
@testable import Mail

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let message = MailMessage.parse(bytes: bytes)
    check(message)

    // What the desk reads from a message.
    _ = message.header("Subject")
    _ = message.headers(named: "Received")
    _ = ReplyText.authoredLines(message.text)
    for attachment in message.attachments {
        let decoded = attachment.data
        require(attachment.carriedBytes >= 0 && decoded.count >= 0)
        _ = attachment.filename.map(HeaderSanitizer.sanitize)
    }
    if let report = DeliveryReport.read(message) {
        for recipient in report.recipients { _ = recipient.finalRecipient.utf8.count + recipient.status.utf8.count }
    }
    for value in message.headers(named: "Authentication-Results") { _ = AuthenticationResults.parse(value) }
    _ = message.automatic?.description

    // The same bytes as one header value, for the value parsers.
    let text = String(decoding: bytes, as: UTF8.self)
    if let address = MailAddress.parse(text) {
        _ = address.localPart
        _ = address.domain
        _ = address.description
    }
    for address in MailAddress.parseList(text) { _ = address.description }
    _ = MailDate.parse(text)
    if let results = AuthenticationResults.parse(text) { _ = results.results.count }
    _ = EncodedWord.decode(text)
    _ = MessageIDs.list(text)
    _ = ContentType.parse(text)?.param("boundary")
    if bytes.count < 4096 { _ = HTMLText.plainText(text) }
    return 0
}

/// What the parser promises whatever the input: text without CR, a subject without control characters.
private func check(_ message: MailMessage) {
    require(!message.text.utf8.contains(0x0D), "CR in text")
    require(!message.subject.unicodeScalars.contains { $0.value < 0x20 }, "control character in subject")
}

/// A check of the harness: unlike `precondition`, says what failed in an optimized build too.
private func require(_ condition: Bool, _ message: @autoclosure () -> String = "", line: UInt = #line) {
    if !condition { fatalError("fuzz check failed: \(message())", line: line) }
}
