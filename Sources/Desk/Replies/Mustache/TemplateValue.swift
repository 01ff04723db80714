/// A value a template shows or tests: the typed tree a reply is rendered from.
///
/// Sections behave as in swift-mustache: a missing value, `false` and an empty list are false; a list repeats
/// its section once per item, with the item as the innermost scope; any other value (text, even empty, a
/// number, even 0, or fields) renders its section once with itself as the innermost scope. So a value that
/// is absent is left out of its fields rather than written as "".
enum TemplateValue: Sendable {
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    case fields(TemplateFields)

    /// The value of `key` when this value is a scope of named values.
    func field(_ key: TemplateKey) -> TemplateValue? {
        if case .fields(let fields) = self { fields[key] } else { nil }
    }
}

/// Named values, written as a dictionary literal; a nil value leaves its name out.
/// A handful of names each: looked up by a linear scan, which beats hashing at this size.
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [(key: TemplateKey, value: TemplateValue)]

    init(dictionaryLiteral elements: (TemplateKey, TemplateValue?)...) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value { entries.append((key, value)) }
        }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        get {
            for entry in entries where entry.key == key { return entry.value }
            return nil
        }
        set {
            entries.removeAll { $0.key == key }
            if let newValue { entries.append((key, newValue)) }
        }
    }

    /// Every name and value, in the order they were given.
    var all: [(key: TemplateKey, value: TemplateValue)] { entries }
}
