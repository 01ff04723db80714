import Foundation

/// A fresh directory under the system temp dir, removed by `remove()`.
struct TempDir {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "mailtests-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    func files(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + sub)) ?? []).sorted()
    }

    func mode(_ sub: String) -> Int {
        let attrs = try? FileManager.default.attributesOfItem(atPath: path + "/" + sub)
        return (attrs?[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
