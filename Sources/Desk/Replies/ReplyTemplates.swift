import Foundation

/// The wording of every reply, loaded once from Templates/: a folder of Mustache files, `text/` for the
/// plain-text forms and `html/` for the HTML ones, one file per `TemplateName` in each. A missing or broken
/// template is an operational error at start-up, not at reply time.
public struct ReplyTemplates: Sendable {
    private let textForms: [TemplateName: CompiledTemplate]
    private let htmlForms: [TemplateName: CompiledTemplate]

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public init(directory: URL) throws {
        textForms = try Self.load(directory, form: "text")
        htmlForms = try Self.load(directory, form: "html")
    }

    private static func load(_ directory: URL, form: String) throws -> [TemplateName: CompiledTemplate] {
        let folder = directory.appendingPathComponent(form)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Problem(description: "no templates in \(folder.path): the folder is missing")
        }
        var templates: [TemplateName: CompiledTemplate] = [:]
        for name in TemplateName.allCases {
            let file = "\(form)/\(name.rawValue).mustache"
            let url = directory.appendingPathComponent(file)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw Problem(description: "template \(file) is missing from \(directory.path)")
            }
            let text: String
            do {
                text = try String(contentsOf: url, encoding: .utf8)
            } catch {
                throw Problem(description: "template \(file) cannot be read: \(error.localizedDescription)")
            }
            do {
                templates[name] = try CompiledTemplate(parsing: text)
            } catch {
                throw Problem(description: "template \(file) does not parse: \(error)")
            }
        }
        return templates
    }

    /// Both forms of template `name`, each without the line ends and spaces it ends with.
    func render(_ name: TemplateName, _ fields: TemplateFields) -> ReplyBodies {
        ReplyBodies(text: text(name, fields), html: html(name, fields))
    }

    func text(_ name: TemplateName, _ fields: TemplateFields) -> String {
        textForms[name]?.render(fields, trimmed: true) ?? ""
    }

    func html(_ name: TemplateName, _ fields: TemplateFields) -> String {
        htmlForms[name]?.render(fields, trimmed: true) ?? ""
    }

    /// Finds the Templates folder: `CAREDESK_TEMPLATES`, then `DATA/templates`, then wherever the shipped
    /// `Templates` folder is (`ShippedFiles`).
    public static func locate(dataFolder: URL?, environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        var candidates: [URL] = []
        if let path = environment["CAREDESK_TEMPLATES"] { candidates.append(URL(fileURLWithPath: path)) }
        if let dataFolder { candidates.append(dataFolder.appendingPathComponent("templates")) }
        candidates += ShippedFiles.candidates("Templates")
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("text/reply.mustache").path) }
    }
}
