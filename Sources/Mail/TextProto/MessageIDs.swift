// RFC 5322 section 3.6.4 msg-id lists (Message-ID, In-Reply-To, References).

enum MessageIDs {
    /// The ids of a msg-id list, without angle brackets. Bracketed ids win; whitespace folded
    /// into an id is removed, comments are skipped. A value with no brackets at all is split
    /// on whitespace instead, keeping tokens that contain "@" (for clients that omit them).
    static func list(_ s: String) -> [String] {
        s.withBytes(list)
    }

    static func list(_ b: Bytes) -> [String] {
        var ids: [String] = []
        var loose: [String] = []
        var i = 0
        var tokenStart = -1
        func endToken(_ j: Int) {
            if tokenStart >= 0 && j > tokenStart && b[tokenStart..<j].contains(0x40) {
                loose.append(String(decoding: b[tokenStart..<j].filter { $0 > 0x20 && $0 != 0x7F }, as: UTF8.self))
            }
            tokenStart = -1
        }
        while i < b.count {
            let c = b[i]
            if c == 0x3C {                                   // <
                endToken(i)
                var j = i + 1
                var clean = true
                while j < b.count && b[j] != 0x3E && b[j] != 0x3C {
                    if b[j] <= 0x20 || b[j] == 0x7F { clean = false }
                    j += 1
                }
                let r = (i + 1)..<j
                if clean {
                    if !r.isEmpty { ids.append(String(decoding: b[r], as: UTF8.self)) }
                } else {
                    let id = b[r].filter { $0 > 0x20 && $0 != 0x7F }
                    if !id.isEmpty { ids.append(String(decoding: id, as: UTF8.self)) }
                }
                i = (j < b.count && b[j] == 0x3E) ? j + 1 : j
            } else if c == 0x28 {                            // (comment)
                endToken(i)
                i = AddressLexer.skipComment(b, i)
            } else if ASCII.isSpace(c) || c == 0x2C {
                endToken(i)
                i += 1
            } else {
                if tokenStart < 0 { tokenStart = i }
                i += 1
            }
        }
        endToken(b.count)
        return ids.isEmpty ? loose : ids
    }

    static func first(_ s: String) -> String? {
        list(s).first
    }

    /// An id made safe for output: brackets, whitespace and controls removed.
    static func clean(_ id: String) -> String {
        let kept = { (c: UInt8) in c > 0x20 && c != 0x7F && c != 0x3C && c != 0x3E }
        return id.utf8.allSatisfy(kept) ? id : String(decoding: id.utf8.filter(kept), as: UTF8.self)
    }
}
