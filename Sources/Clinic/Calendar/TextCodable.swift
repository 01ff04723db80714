/// Values written in JSON as the text a person reads and writes in the clinic file ("2026-03-04", "09:30",
/// "09:00-13:00"): one Codable implementation for all of them.
protocol TextCodable: Codable, CustomStringConvertible {
    init?(text: String)
}

extension TextCodable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Self(text: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a \(Self.self): \(text)"))
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
