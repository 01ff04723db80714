// Line-end normalisation of outgoing text on raw UTF-8 bytes: CRLF and lone CR become LF.

enum LineEnds {
    /// `p` with every CRLF and every lone CR replaced by LF. CR and LF are ASCII, so valid
    /// UTF-8 stays valid.
    static func toLF(_ p: Bytes) -> [UInt8] {
        // Not with no capacity: that is the shared empty array, whose count initialising writes (a race).
        guard p.count > 0 else { return [] }
        return [UInt8](unsafeUninitializedCapacity: p.count) { out, count in
            var o = 0
            var prevCR = false
            for b in p {
                if b == cr {
                    out[o] = lf
                    o += 1
                    prevCR = true
                } else {
                    if !(b == lf && prevCR) {
                        out[o] = b
                        o += 1
                    }
                    prevCR = false
                }
            }
            count = o
        }
    }
}
