import Foundation
import Mustache

/// The wording of every reply, loaded once from Templates/ (a folder of Mustache files; `text/` holds the
/// plain-text forms). A missing or broken template is an operational error at start-up, not at reply time.
public struct ReplyTemplates: Sendable {
    let library: MustacheLibrary

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public init(directory: URL) throws {
        var library = MustacheLibrary()
        let folder = directory.appendingPathComponent("text")
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        } catch {
            throw Problem(description: "no templates in \(folder.path): \(error.localizedDescription)")
        }
        for file in names {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            do {
                try library.register(text, named: String(file.dropLast(".mustache".count)))
            } catch {
                throw Problem(description: "template \(file) does not parse: \(error)")
            }
        }
        for required in Self.required where library.getTemplate(named: required) == nil {
            throw Problem(description: "template text/\(required).mustache is missing from \(directory.path)")
        }
        self.library = library
    }

    static let required = ["reply", "help", "problem", "unrecognised", "booked", "book-refused", "slots"]

    func render(_ name: String, _ context: [String: Any]) -> String {
        (library.render(context, withTemplate: name) ?? "").trimmingTrailingNewlines()
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

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while s.last == "\n" || s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
