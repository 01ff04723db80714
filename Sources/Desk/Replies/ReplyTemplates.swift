import Clinic
import Foundation

/// The wording of every reply, loaded once from Templates/: a folder of Mustache files, `text/` for the
/// plain-text forms and `html/` for the HTML ones, one file per `TemplateName` in each. A missing or broken
/// template is an operational error at start-up, not at reply time. `sms/` holds the short forms SMS replies
/// use: one for each `SMSTemplateName`, and for any `TemplateName` whose text form is too long or too
/// detailed for a text message (the others are sent as their text form, on one line).
///
/// Those folders are the English wording. Each other `Language` has the same folders under its code
/// (`ta/text`, `ta/html`, `ta/sms`, `ta/pages`), with every template the English ones have (and, in `sms/`,
/// short forms of its own where UCS-2 needs them); `speaking(_:)` picks a language's set.
public struct ReplyTemplates: Sendable {
    public let language: Language
    private let textForms: [TemplateName: CompiledTemplate]
    private let htmlForms: [TemplateName: CompiledTemplate]
    private let smsForms: [TemplateName: CompiledTemplate]
    private let smsOnly: [SMSTemplateName: CompiledTemplate]
    private let pages: [PageTemplateName: CompiledTemplate]
    /// The other languages' sets, by language (empty in those sets themselves).
    private let translations: [Language: ReplyTemplates]

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public init(directory: URL) throws {
        let english = try ReplyTemplates(directory, language: .en)
        var translations: [Language: ReplyTemplates] = [:]
        for language in Language.allCases where language != .en {
            let translation = try ReplyTemplates(directory.appendingPathComponent(language.rawValue), language: language)
            for name in english.smsForms.keys where translation.smsForms[name] == nil {
                throw Problem(description: "template \(language.rawValue)/sms/\(name.rawValue).mustache is missing from \(directory.path): "
                                           + "every language has each template English has")
            }
            translations[language] = translation
        }
        self = ReplyTemplates(english, translations: translations)
    }

    private init(_ directory: URL, language: Language) throws {
        self.language = language
        textForms = try Self.load(directory, form: "text")
        htmlForms = try Self.load(directory, form: "html")
        smsForms = try Self.load(directory, form: "sms", optional: true)
        smsOnly = try Self.load(directory, form: "sms", names: SMSTemplateName.allCases, optional: false)
        pages = try Self.load(directory, form: "pages", names: PageTemplateName.allCases, optional: false)
        translations = [:]
    }

    private init(_ base: ReplyTemplates, translations: [Language: ReplyTemplates]) {
        language = base.language
        (textForms, htmlForms, smsForms, smsOnly, pages) = (base.textForms, base.htmlForms, base.smsForms, base.smsOnly, base.pages)
        self.translations = translations
    }

    /// The templates of `language` (these, when they are its own).
    public func speaking(_ language: Language) -> ReplyTemplates {
        translations[language] ?? self
    }

    private static func load<Name: RawRepresentable<String> & Hashable>(_ directory: URL, form: String, names: [Name],
                                                                        optional: Bool) throws -> [Name: CompiledTemplate] {
        var templates: [Name: CompiledTemplate] = [:]
        for name in names {
            let url = directory.appendingPathComponent("\(form)/\(name.rawValue).mustache")
            if optional, !FileManager.default.fileExists(atPath: url.path) { continue }
            templates[name] = try compile(directory, "\(form)/\(name.rawValue).mustache")
        }
        return templates
    }

    private static func load(_ directory: URL, form: String, optional: Bool = false) throws -> [TemplateName: CompiledTemplate] {
        if optional { return try load(directory, form: form, names: TemplateName.allCases, optional: true) }
        let folder = directory.appendingPathComponent(form)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw Problem(description: "no templates in \(folder.path): the folder is missing")
        }
        return try load(directory, form: form, names: TemplateName.allCases, optional: false)
    }

    private static func compile(_ directory: URL, _ file: String) throws -> CompiledTemplate {
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
            return try CompiledTemplate(parsing: text)
        } catch {
            throw Problem(description: "template \(file) does not parse: \(error)")
        }
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

    /// The SMS form of `name`: its own short form when `sms/` has one, else the text form.
    func sms(_ name: TemplateName, _ fields: TemplateFields) -> String {
        smsForms[name]?.render(fields, trimmed: true) ?? text(name, fields)
    }

    func sms(_ name: SMSTemplateName, _ fields: TemplateFields) -> String {
        smsOnly[name]?.render(fields, trimmed: true) ?? ""
    }

    func page(_ name: PageTemplateName, _ fields: TemplateFields) -> String {
        pages[name]?.render(fields, trimmed: true) ?? ""
    }

    /// The templates a data folder's desk writes with (the folder `locate` finds), loaded and checked.
    public static func of(dataFolder: URL) throws -> ReplyTemplates {
        guard let folder = locate(dataFolder: dataFolder) else {
            throw Desk.NotInitialised(description: "the Templates folder was not found; set CAREDESK_TEMPLATES")
        }
        return try ReplyTemplates(directory: folder)
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
