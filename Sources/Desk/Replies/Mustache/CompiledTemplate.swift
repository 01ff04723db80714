/// A parsed template, rendered against a typed value tree. No casts, no reflection, no dictionaries:
/// names were resolved to `TemplateKey`s when the template was read.
///
/// The parsed tree is laid out flat, as plain values: one array of steps (a section's steps follow it and
/// it knows how many there are), one of literal pieces and one of names. Rendering walks them by index and
/// appends strings that are already valid UTF-8 to the output string, so the result is never validated
/// again (turning bytes into a `String` would read every byte of every reply once more).
struct CompiledTemplate: Sendable {
    private let steps: [TemplateStep]
    private let literals: [String]
    private let keys: [TemplateKey]
    private let literalLength: Int

    init(parsing text: String) throws {
        var layout = TemplateLayout()
        layout.add(try MustacheParser.parse(text))
        (steps, keys) = (layout.steps, layout.keys)
        literals = layout.literals.map { String(decoding: $0, as: UTF8.self) }
        literalLength = layout.literals.reduce(0) { $0 + $1.count }
    }

    /// The template filled in with `fields`; `trimmed`: without the line ends and spaces it ends with.
    func render(_ fields: TemplateFields, trimmed: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(literalLength + 1024)
        var stack: [TemplateValue] = [.fields(fields)]
        stack.reserveCapacity(8)
        steps.withUnsafeBufferPointer { steps in
            keys.withUnsafeBufferPointer { keys in
                TemplateWalk(steps: steps, literals: literals, keys: keys).write(0..<steps.count, stack: &stack, into: &out)
            }
        }
        if trimmed {
            // A "\r\n" stays: as a character it is not a "\n".
            while out.last == "\n" || out.last == " " { out.removeLast() }
        }
        return out
    }
}

/// One step of a flat template. Plain values only, so walking the steps costs no reference counting.
struct TemplateStep: Sendable {
    enum Kind: UInt8, Sendable {
        /// The literal piece `start`.
        case text
        /// The value the name shows (escaped for HTML or not).
        case value, escapedValue
        /// `{{#name}}` / `{{^name}}`: the next `count` steps are the section's own.
        case section, inverted
    }

    var kind: Kind
    /// The name (a section's, a value's): keys `firstKey..<firstKey+keyCount`; none for `.`.
    var firstKey: Int32 = 0
    var keyCount: Int16 = 0
    var innermostOnly = false
    var start: Int32 = 0
    var count: Int32 = 0
}

/// The flat form being built from the parsed tree.
private struct TemplateLayout {
    var steps: [TemplateStep] = []
    var literals: [[UInt8]] = []
    var keys: [TemplateKey] = []

    mutating func add(_ nodes: [TemplateNode]) {
        for (index, node) in nodes.enumerated() {
            switch node {
            case .text(let bytes):
                // A run of literal text is one piece (the parser gives one node per line).
                if index > 0, case .text = nodes[index - 1] {
                    literals[literals.count - 1] += bytes
                } else {
                    steps.append(TemplateStep(kind: .text, start: Int32(literals.count)))
                    literals.append(bytes)
                }
            case .value(let path, let escaped):
                steps.append(step(escaped ? .escapedValue : .value, path))
            case .section(let path, let inner):
                addSection(.section, path, inner)
            case .inverted(let path, let inner):
                addSection(.inverted, path, inner)
            }
        }
    }

    private mutating func addSection(_ kind: TemplateStep.Kind, _ path: TemplatePath, _ inner: [TemplateNode]) {
        let at = steps.count
        steps.append(step(kind, path))
        add(inner)
        steps[at].count = Int32(steps.count - at - 1)
    }

    private mutating func step(_ kind: TemplateStep.Kind, _ path: TemplatePath) -> TemplateStep {
        let first = keys.count
        keys += path.keys
        return TemplateStep(kind: kind, firstKey: Int32(first), keyCount: Int16(path.keys.count), innermostOnly: path.innermostOnly)
    }
}

/// Rendering: the steps in a range, against a stack of scopes (innermost last).
private struct TemplateWalk {
    let steps: UnsafeBufferPointer<TemplateStep>
    let literals: [String]
    let keys: UnsafeBufferPointer<TemplateKey>

    func write(_ range: Range<Int>, stack: inout [TemplateValue], into out: inout String) {
        var index = range.lowerBound
        while index < range.upperBound {
            let step = steps[index]
            index += 1
            switch step.kind {
            case .text:
                out.append(literals[Int(step.start)])
            case .value, .escapedValue:
                resolve(step, in: stack)?.write(into: &out, escaped: step.kind == .escapedValue)
            case .section:
                let inner = index..<index + Int(step.count)
                index = inner.upperBound
                switch resolve(step, in: stack) {
                case nil, .flag(false):
                    break
                case .flag(true):
                    write(inner, stack: &stack, into: &out)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        write(inner, stack: &stack, into: &out)
                        stack.removeLast()
                    }
                case let value?:
                    stack.append(value)
                    write(inner, stack: &stack, into: &out)
                    stack.removeLast()
                }
            case .inverted:
                let inner = index..<index + Int(step.count)
                index = inner.upperBound
                switch resolve(step, in: stack) {
                case nil, .flag(false):
                    write(inner, stack: &stack, into: &out)
                case .list(let items) where items.isEmpty:
                    write(inner, stack: &stack, into: &out)
                default:
                    break
                }
            }
        }
    }

    /// The value a step names: `.` is the innermost scope; else the first name is looked for from the
    /// innermost scope outwards (only in the innermost when the name starts with a dot), the rest inside it.
    private func resolve(_ step: TemplateStep, in stack: [TemplateValue]) -> TemplateValue? {
        let first = Int(step.firstKey), end = first + Int(step.keyCount)
        guard first < end else { return stack.last }
        var found: TemplateValue?
        if step.innermostOnly {
            found = stack.last?.field(keys[first])
        } else {
            var scope = stack.count - 1
            while scope >= 0, found == nil {
                found = stack[scope].field(keys[first])
                scope -= 1
            }
        }
        var next = first + 1
        while next < end, let scope = found {
            found = scope.field(keys[next])
            next += 1
        }
        return found
    }
}

extension TemplateValue {
    /// The value as a tag shows it. A list or a scope of fields shows as nothing.
    func write(into out: inout String, escaped: Bool) {
        switch self {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(text) }
        case .number(let number):
            out.append(String(number))
        case .flag(let flag):
            out.append(flag ? "true" : "false")
        case .list, .fields:
            break
        }
    }
}
