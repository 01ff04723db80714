/// A parsed template, rendered against a typed value tree. No casts, no reflection, no dictionaries:
/// names were resolved to `TemplateKey`s when the template was read, and output is gathered as UTF-8.
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    init(parsing text: String) throws {
        nodes = Self.joiningText(try MustacheParser.parse(text))
    }

    /// The same nodes with each run of literal text made one node (the parser gives one per line).
    private static func joiningText(_ nodes: [TemplateNode]) -> [TemplateNode] {
        var joined: [TemplateNode] = []
        for node in nodes {
            switch node {
            case .text(let bytes):
                if case .text(let previous) = joined.last {
                    joined[joined.count - 1] = .text(previous + bytes)
                } else {
                    joined.append(node)
                }
            case .section(let path, let inner):
                joined.append(.section(path, joiningText(inner)))
            case .inverted(let path, let inner):
                joined.append(.inverted(path, joiningText(inner)))
            case .value:
                joined.append(node)
            }
        }
        return joined
    }

    /// The template filled in with `fields`; `trimmed`: without the line ends and spaces it ends with.
    func render(_ fields: TemplateFields, trimmed: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        var stack: [TemplateValue] = [.fields(fields)]
        stack.reserveCapacity(8)
        write(nodes, stack: &stack, into: &out)
        if trimmed {
            while let last = out.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: " ") {
                // A "\r\n" stays: as a character it is not a "\n".
                if last == UInt8(ascii: "\n"), out.count > 1, out[out.count - 2] == UInt8(ascii: "\r") { break }
                out.removeLast()
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ nodes: [TemplateNode], stack: inout [TemplateValue], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .value(let path, let escaped):
                path.resolve(in: stack)?.write(into: &out, escaped: escaped)
            case .section(let path, let inner):
                switch path.resolve(in: stack) {
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
            case .inverted(let path, let inner):
                switch path.resolve(in: stack) {
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
}

extension TemplateValue {
    /// The value as a tag shows it. A list or a scope of fields shows as nothing.
    func write(into out: inout [UInt8], escaped: Bool) {
        switch self {
        case .text(let text):
            if escaped { HTMLEscaping.append(text, to: &out) } else { out.append(contentsOf: text.utf8) }
        case .number(let number):
            out.append(contentsOf: String(number).utf8)
        case .flag(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .fields:
            break
        }
    }
}
