import Foundation

extension DeskState {
    /// Which inbound message damaged journal bytes seem to have been, from the Message-ID (or content
    /// hash) that starts a message record: the operator can find that message in the spool's `cur/` and
    /// ingest it again. Nothing else of the record is shown.
    public static func describeDamaged(_ bytes: Data) -> String? {
        let marker = Array(#"{"message":{"_0":{"key":""#.utf8)
        let raw = [UInt8](bytes.prefix(4096))
        guard let start = raw.indices.first(where: { raw[$0...].starts(with: marker) }) else { return nil }
        let keyStart = start + marker.count
        guard let keyEnd = raw[keyStart...].firstIndex(of: UInt8(ascii: "\"")), keyEnd - keyStart <= 998 else { return nil }
        let key = String(decoding: raw[keyStart..<keyEnd], as: UTF8.self)
        return "it seems to have held the handling of inbound message \(key) (its bytes may be damaged too)"
    }
}
