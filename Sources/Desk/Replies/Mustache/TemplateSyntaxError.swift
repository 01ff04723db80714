/// Why a template could not be read, and on which line.
struct TemplateSyntaxError: Error, CustomStringConvertible {
    let line: Int
    let problem: String

    var description: String { "line \(line): \(problem)" }
}
