/// The message bytes exactly as they go after DATA.
///
/// SMTP requires CRLF line ends (RFC 5321 §2.3.8) and treats a lone CR or LF
/// as something servers interpret differently (the root of "SMTP smuggling").
/// So every lone LF and every lone CR becomes CRLF, and a message that does
/// not end with CRLF gets one. Everything else, 8-bit bytes included, passes
/// untouched. Dot-stuffing is libcurl's job: it doubles a leading "." on
/// every line while uploading, and the server removes it again.
enum SMTPBody {
    /// A corrected copy of `bytes`, or nil when they are already right (the usual case).
    static func normalised(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        if isCanonical(bytes) {
            return nil
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 32 + 2)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == cr || byte == lf {
                output.append(cr)
                output.append(lf)
                let pair = byte == cr && index + 1 < bytes.count && bytes[index + 1] == lf
                index += pair ? 2 : 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        if output.count < 2 || output[output.count - 1] != lf {
            output.append(cr)
            output.append(lf)
        }
        return output
    }

    private static func isCanonical(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let count = bytes.count
        if count == 0 {
            return true
        }
        guard count >= 2, bytes[count - 2] == cr, bytes[count - 1] == lf else {
            return false
        }
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte == cr {
                guard index + 1 < count, bytes[index + 1] == lf else { return false }
                index += 2
            } else if byte == lf {
                return false
            } else {
                index += 1
            }
        }
        return true
    }

    private static let cr = UInt8(ascii: "\r")
    private static let lf = UInt8(ascii: "\n")
}
