import Clinic
import Foundation
import Store

/// The data folder: `store/` (journal, snapshot, lock), `outgoing/` (replies when no SMTP server is
/// configured) and optionally `templates/`. Folders 0700: it holds health data.
public enum DataFolder {
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// Creates the folder and records the clinic in a fresh store. Refuses a folder that already holds a clinic.
    /// With `store` given (a database), the clinic is recorded there and the folder keeps the rest.
    public static func initialise(_ folder: URL, setup: ClinicSetup, store given: (any StateStore<DeskState>)? = nil) throws {
        do {
            _ = try ClinicState(info: setup.clinic, doctors: setup.doctors)
        } catch {
            throw Problem(description: "the clinic file is not valid: \(error)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(folder.path, 0o700)
        let store = try given ?? JSONStore<DeskState>(directory: folder)
        try store.update { state -> ([DeskRecord], Void) in
            guard state.clinic == nil else {
                throw Problem(description: "\(given == nil ? folder.path : "the database") already holds a clinic (\(state.clinic!.info.name)); nothing changed")
            }
            state.apply(.setup(setup))
            return ([.setup(setup)], ())
        }
        try store.compact()
    }

    /// Refuses a folder that `caredesk init` did not make, rather than creating a store in the wrong place.
    public static func requireInitialised(_ folder: URL) throws {
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("store/lock").path) else {
            throw Problem(description: "\(folder.path) is not a CareDesk data folder; run `caredesk init --data \(folder.path)` first")
        }
    }

    public static func outgoing(_ folder: URL) -> String { folder.appendingPathComponent("outgoing").path }

    /// Where text messages go when no SMS gateway is configured: one file each, like `outgoing/`.
    public static func outgoingSMS(_ folder: URL) -> String { folder.appendingPathComponent("outgoing-sms").path }

    /// Reads a clinic file (`{"clinic": {...}, "doctors": [...]}`), naming the problem when it does not decode.
    public static func readClinic(_ file: URL) throws -> ClinicSetup {
        guard let data = FileManager.default.contents(atPath: file.path) else {
            throw Problem(description: "\(file.path): cannot be read")
        }
        do {
            return try JSONDecoder().decode(ClinicSetup.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw Problem(description: "\(file.path): \(context.debugDescription) at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw Problem(description: "\(file.path): missing \"\(key.stringValue)\" at \(context.codingPath.map(\.stringValue).joined(separator: "."))")
        } catch {
            throw Problem(description: "\(file.path): \(error)")
        }
    }
}
