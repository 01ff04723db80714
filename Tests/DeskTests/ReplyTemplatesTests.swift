import Foundation
import Testing
@testable import Desk

/// Loading Templates/: every template the replies use must be there, in both forms, and must parse.
@Suite struct ReplyTemplatesTests {
    /// A copy of the shipped Templates folder, changed by `change`.
    func templates(_ change: (URL) throws -> Void) throws -> Result<ReplyTemplates, any Error> {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: DeskFixture.packageRoot.appendingPathComponent("Templates"), to: folder)
        try change(folder)
        return Result { try ReplyTemplates(directory: folder) }
    }

    func problem(_ result: Result<ReplyTemplates, any Error>) -> String {
        guard case .failure(let error) = result else { return "(loaded)" }
        return "\(error)"
    }

    @Test func theShippedTemplatesLoad() throws {
        _ = try templates { _ in }.get()
    }

    @Test(arguments: ["text", "html"])
    func aMissingTemplateStopsStartUp(form: String) throws {
        let result = try templates { try FileManager.default.removeItem(at: $0.appendingPathComponent("\(form)/booked.mustache")) }
        #expect(problem(result).contains("template \(form)/booked.mustache is missing"))
    }

    @Test func aMissingHTMLFolderStopsStartUp() throws {
        let result = try templates { try FileManager.default.removeItem(at: $0.appendingPathComponent("html")) }
        #expect(problem(result).contains("no templates in"))
    }

    @Test func aTemplateNamingAnUnknownValueStopsStartUp() throws {
        let result = try templates { folder in
            try "{{% CONTENT_TYPE: HTML }}\n<p>{{doctor}}</p>\n<p>{{doctr}}</p>\n".write(to: folder.appendingPathComponent("html/booked.mustache"),
                                                                                   atomically: true, encoding: .utf8)
        }
        #expect(problem(result).contains("html/booked.mustache does not parse: line 3: {{doctr}}"))
    }

    @Test(arguments: ["{{> footer}}", "{{=<% %>=}}", "{{#lines}}", "{{/lines}}", "{{upper(name)}}", "{{% CONTENT_TYPE: XML }}", "{{name", "{{! x"])
    func unsupportedOrBrokenMustacheIsRefused(template: String) {
        #expect(throws: TemplateSyntaxError.self) { try CompiledTemplate(parsing: template) }
    }
}
