import Foundation

// Byte-level helpers shared by the RFC 5322 / MIME code. Everything works on
// UTF-8 / ASCII bytes; no regular expressions, no Foundation string APIs in hot paths.

let cr: UInt8 = 0x0D
let lf: UInt8 = 0x0A
let sp: UInt8 = 0x20
let ht: UInt8 = 0x09

enum ASCII {
    @inline(__always) static func isWSP(_ b: UInt8) -> Bool { b == sp || b == ht }

    /// Space, tab, CR, LF, FF, VT.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == sp || (b >= 0x09 && b <= 0x0D) }

    @inline(__always) static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { let l = b | 0x20; return l >= 0x61 && l <= 0x7A }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) }

    /// Value of a hex digit, or nil.
    @inline(__always) static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: return b &- 0x30
        case 0x41...0x46: return b &- 0x37
        case 0x61...0x66: return b &- 0x57
        default: return nil
        }
    }

    static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// ASCII case-insensitive equality of two strings (non-ASCII bytes compared exactly).
    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        return a.withBytes { pa in
            b.withBytes { pb in
                for i in 0..<pa.count {
                    let x = pa[i], y = pb[i]
                    if x != y && lower(x) != lower(y) { return false }
                }
                return true
            }
        }
    }

    /// Lowercased String of `p[r]` built in place (no intermediate array).
    static func lowerString(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: r.count) { out in
            var k = 0
            for i in r { out[k] = lower(p[i]); k += 1 }
            return k
        }
    }

    /// Does `bytes` start with `prefix` (ASCII case-insensitive)?
    static func hasPrefix<C: Collection>(_ bytes: C, _ prefix: String) -> Bool where C.Element == UInt8 {
        var it = bytes.makeIterator()
        for p in prefix.utf8 {
            guard let b = it.next(), lower(b) == lower(p) else { return false }
        }
        return true
    }

    /// ASCII-lowercased copy of a string (non-ASCII left alone).
    static func lowercased(_ s: String) -> String {
        var needs = false
        for b in s.utf8 where b >= 0x41 && b <= 0x5A { needs = true; break }
        if !needs { return s }
        return String(decoding: s.utf8.map(lower), as: UTF8.self)
    }

    /// Range of `bytes[range]` without leading/trailing SP, HT, CR, LF.
    static func trim(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound, hi = range.upperBound
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    static func isAllASCII(_ s: String) -> Bool {
        for b in s.utf8 where b >= 0x80 { return false }
        return true
    }
}

extension String {
    /// Leading/trailing whitespace (ASCII space, tab, CR, LF) removed, without Foundation.
    var trimmedASCII: String {
        let u = self.utf8
        guard let first = u.first, let last = u.last else { return self }
        if !ASCII.isSpace(first) && !ASCII.isSpace(last) { return self }
        let bytes = Array(u)
        let r = ASCII.trim(bytes, 0..<bytes.count)
        return String(decoding: bytes[r], as: UTF8.self)
    }
}

/// The parsers' view of bytes: a borrowed buffer (from `String.withUTF8` or an array).
typealias Bytes = UnsafeBufferPointer<UInt8>

extension String {
    /// Runs `body` over the UTF-8 bytes of the string without copying native strings.
    func withBytes<R>(_ body: (Bytes) -> R) -> R {
        var s = self
        return s.withUTF8(body)
    }
}

/// Raw-buffer scanning used by the hot parsing loops.
enum Scan {
    /// Index of the first LF in `p[from..<to]`, or `to`.
    @inline(__always) static func lineFeed(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        guard from < to, let base = p.baseAddress else { return to }
        guard let hit = memchr(base + from, Int32(lf), to - from) else { return to }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// True when every byte is < 0x80 (eight bytes at a time).
    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return true }
        let n = p.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }
}
