/// A form body that cannot be decoded, with a message fit for a 400 reply.
public struct FormBodyError: Error, Sendable, Equatable, CustomStringConvertible {
    enum Reason: Sendable, Equatable {
        case badEscape(field: Int, part: String)
        case notUTF8(field: Int, part: String)
    }

    private let reason: Reason

    init(_ reason: Reason) {
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .badEscape(let field, let part):
            "form field \(field): the \(part) has a '%' not followed by two hex digits"
        case .notUTF8(let field, let part):
            "form field \(field): the \(part) is not UTF-8 once decoded"
        }
    }
}
