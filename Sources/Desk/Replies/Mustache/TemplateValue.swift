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
/// A handful of names each: looked up by a linear scan of the names alone (plain values, so the scan
/// copies nothing), which beats hashing at this size.
struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    private var keys: [TemplateKey]
    private var values: [TemplateValue]

    init(dictionaryLiteral elements: (TemplateKey, TemplateValue?)...) {
        keys = []
        values = []
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (key, value) in elements {
            if let value {
                keys.append(key)
                values.append(value)
            }
        }
    }

    subscript(key: TemplateKey) -> TemplateValue? {
        get {
            keys.firstIndex(of: key).map { values[$0] }
        }
        set {
            if let index = keys.firstIndex(of: key) {
                keys.remove(at: index)
                values.remove(at: index)
            }
            if let newValue {
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// These fields with `other`'s added, `combine` choosing where both have a name.
    mutating func merge(_ other: TemplateFields, _ combine: (TemplateValue, TemplateValue) -> TemplateValue) {
        for (key, value) in other.all { self[key] = self[key].map { combine($0, value) } ?? value }
    }

    /// Every name and value, in the order they were given.
    var all: [(key: TemplateKey, value: TemplateValue)] { zip(keys, values).map { ($0, $1) } }
}
