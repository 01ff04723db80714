import Foundation

/// Files that ship with CareDesk (Templates/, Samples/): found beside or above the executable in a source
/// checkout, in the working folder, or under /usr/local/share/caredesk for an installed binary.
public enum ShippedFiles {
    /// Where `relative` may be, most specific first.
    public static func candidates(_ relative: String) -> [URL] {
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates: [URL] = []
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent(relative))
            dir = dir.deletingLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(relative))
        candidates.append(URL(fileURLWithPath: "/usr/local/share/caredesk").appendingPathComponent(relative))
        return candidates
    }

    /// The first of the candidates that exists.
    public static func file(_ relative: String) -> URL? {
        candidates(relative).first { FileManager.default.fileExists(atPath: $0.path) }
    }
}
