import Foundation

/// The parts of a message's multipart/alternative entity (the whole message, or its first part when an
/// invite makes it multipart/mixed), each with its Content-Type and its decoded body.
func mimeParts(_ message: String) -> [(type: String, body: String)]? {
    guard let line = message.split(separator: "\n").first(where: { $0.hasPrefix("Content-Type: multipart/alternative; boundary=\"") }),
          let boundary = line.split(separator: "\"").dropFirst().first else { return nil }
    var chunks = message.components(separatedBy: "--\(boundary)")
    // After the closing delimiter of a nested entity come the outer entity's other parts.
    if let closing = chunks.lastIndex(where: { $0.hasPrefix("--") }) { chunks = Array(chunks[...closing]) }
    guard chunks.count >= 3, chunks.last?.hasPrefix("--") == true else { return nil }
    return chunks.dropFirst().dropLast().map { chunk in
        let sections = chunk.dropFirst().components(separatedBy: "\n\n")
        let headers = sections[0].split(separator: "\n")
        let type = headers.first { $0.hasPrefix("Content-Type: ") }.map { String($0.dropFirst("Content-Type: ".count)) } ?? ""
        var body = sections.dropFirst().joined(separator: "\n\n")
        body.removeLast()  // the line end before the next boundary
        let quoted = headers.contains("Content-Transfer-Encoding: quoted-printable")
        return (type, quoted ? decodeQuotedPrintable(body) : body)
    }
}

func decodeQuotedPrintable(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var out: [UInt8] = []
    var i = 0
    while i < bytes.count {
        if bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") {
            i += 2
        } else if bytes[i] == UInt8(ascii: "="), i + 2 < bytes.count, let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
            out.append(value)
            i += 3
        } else {
            out.append(bytes[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}
