import Clinic
import Foundation

/// `photos/` in the data folder: one file per owner, `<id>.jpg` or `<id>.png`, 0600 in a 0700 folder.
/// Written temp -> fsync -> rename before the event that records it is committed, so a record never
/// names a file that is not there.
struct PhotoFolder: Sendable {
    let url: URL

    struct WriteFailed: Error, CustomStringConvertible {
        let description: String
    }

    init(dataFolder: URL) { url = dataFolder.appendingPathComponent("photos") }

    /// The file of `ownerID`'s photo. Ids are the clinic's own (P12, rao); anything but letters, digits, `-`
    /// and `_` is replaced so that no id can name a path outside the folder.
    func file(ownerID: String, kind: Photo.Kind) -> URL {
        let safe = String(ownerID.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") ? $0 : "_" })
        return url.appendingPathComponent("\(safe).\(kind.fileExtension)")
    }

    func write(_ data: Data, ownerID: String, kind: Photo.Kind) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(url.path, 0o700)
        let target = file(ownerID: ownerID, kind: kind)
        let temporary = url.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw WriteFailed(description: "cannot create \(temporary.path): errno \(errno)") }
        let written = data.withUnsafeBytes { bytes in Foundation.write(fd, bytes.baseAddress, bytes.count) }
        let synced = fsync(fd) == 0
        close(fd)
        guard written == data.count, synced else {
            unlink(temporary.path)
            throw WriteFailed(description: "cannot write \(temporary.path)")
        }
        guard rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw WriteFailed(description: "cannot rename into \(target.path): errno \(errno)")
        }
        let dir = open(url.path, O_RDONLY)
        if dir >= 0 { fsync(dir); close(dir) }
        // A photo of the other kind, kept before, is no longer the one on file.
        let other = file(ownerID: ownerID, kind: kind == .jpeg ? .png : .jpeg)
        unlink(other.path)
    }
}
