// RFC 3676 format=flowed: soft line breaks (a line ending in a space) are joined back.

enum Flowed {
    /// Unflows `text` ("\n" line ends): removes space-stuffing, joins flowed lines of the same
    /// quote depth, drops the trailing space of flowed lines when `delSp` is set. Quote marks
    /// are written back as ">" per level plus one space.
    static func unflow(_ text: String, delSp: Bool) -> String {
        var out: [UInt8] = []
        let b = Array(text.utf8)
        out.reserveCapacity(b.count)
        var open = false            // the previous line was flowed and its paragraph continues
        var openDepth = 0
        var i = 0
        while i < b.count {
            var le = i
            while le < b.count && b[le] != lf { le += 1 }
            var s = i
            var depth = 0
            while s < le && b[s] == 0x3E { depth += 1; s += 1 }
            if s < le && b[s] == sp { s += 1 }                   // space-stuffing
            let isSig = le - s == 3 && b[s] == 0x2D && b[s + 1] == 0x2D && b[s + 2] == sp
            var e = le
            let flowed = !isSig && e > s && b[e - 1] == sp
            if flowed && delSp { e -= 1 }
            if open && depth == openDepth && !isSig {
                out.append(contentsOf: b[s..<e])
            } else {
                if open { out.append(lf) }
                if depth > 0 {
                    for _ in 0..<depth { out.append(0x3E) }
                    out.append(sp)
                }
                out.append(contentsOf: b[s..<e])
            }
            open = flowed
            openDepth = depth
            if !flowed && le < b.count { out.append(lf) }
            i = le + 1
        }
        if open && text.utf8.last == lf { out.append(lf) }
        return String(decoding: out, as: UTF8.self)
    }
}
