/// Reading the server reply lines libcurl collected during one send.
enum SMTPReplies {
    /// The last line carrying `code` ("550 5.1.1 ..." or "550-..."), with
    /// control characters removed; nil when no line has that code.
    ///
    /// The last line of all is not good enough: after a refusal libcurl closes
    /// the connection with QUIT, so "221 Bye" comes after the reason.
    static func lastLine(withCode code: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard (100...999).contains(code) else { return nil }
        let prefix = Array(String(code).utf8)
        let lines = bytes.split(separator: UInt8(ascii: "\n"))
        for line in lines.reversed() where line.starts(with: prefix) {
            let separator = line.dropFirst(3).first
            guard separator == nil || separator == UInt8(ascii: " ") || separator == UInt8(ascii: "-") else {
                continue
            }
            let printable = line.filter { $0 >= 0x20 && $0 != 0x7F }
            return String(decoding: printable, as: UTF8.self)
        }
        return nil
    }
}
