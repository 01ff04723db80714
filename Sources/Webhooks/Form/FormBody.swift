import Foundation

/// An `application/x-www-form-urlencoded` body (what Twilio POSTs), decoded
/// into its fields in the order they came, repeated names kept.
///
/// `+` is a space and `%XX` a byte; a `%` not followed by two hex digits, or
/// bytes that are not UTF-8 once decoded, make the whole body unusable.
/// Empty pieces (`a=1&&b=2`) are skipped; a piece without `=` is a name with
/// an empty value.
public struct FormBody: Sendable {
    public let fields: [(name: String, value: String)]

    public init(fields: [(name: String, value: String)]) {
        self.fields = fields
    }

    public init(decoding body: some Collection<UInt8>) throws(FormBodyError) {
        var fields: [(name: String, value: String)] = []
        for piece in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let number = fields.count + 1
            let name: String
            let value: String
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = try Self.decode(piece[..<equals], field: number, part: "name")
                value = try Self.decode(piece[piece.index(after: equals)...], field: number, part: "value")
            } else {
                name = try Self.decode(piece, field: number, part: "name")
                value = ""
            }
            fields.append((name, value))
        }
        self.fields = fields
    }

    /// The first value of the field `name` (names compare exactly).
    public subscript(name: String) -> String? {
        fields.first { $0.name == name }?.value
    }

    /// Every value of the field `name`, in order.
    public func values(named name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    private static func decode(
        _ encoded: some Collection<UInt8>, field: Int, part: String
    ) throws(FormBodyError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        var index = encoded.startIndex
        while index != encoded.endIndex {
            let byte = encoded[index]
            encoded.formIndex(after: &index)
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index != encoded.endIndex, let high = hexValue(encoded[index]) else {
                    throw FormBodyError(.badEscape(field: field, part: part))
                }
                encoded.formIndex(after: &index)
                guard index != encoded.endIndex, let low = hexValue(encoded[index]) else {
                    throw FormBodyError(.badEscape(field: field, part: part))
                }
                encoded.formIndex(after: &index)
                bytes.append(high << 4 | low)
            default:
                bytes.append(byte)
            }
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FormBodyError(.notUTF8(field: field, part: part))
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
