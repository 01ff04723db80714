import Foundation

/// Whose word the desk takes for who sent a message: the authserv-id of the clinic's own mail server,
/// from `"authservId"` in `DATA/config.json` or `CAREDESK_AUTHSERV_ID` (which wins). Without one, no mail
/// counts as authenticated, and everything that changes something for somebody else waits for CONFIRM.
public struct TrustSettings: Sendable, Equatable {
    public var authservID: String?

    public init(authservID: String? = nil) {
        self.authservID = authservID.map(\.asciiLowercased).flatMap { $0.isEmpty ? nil : $0 }
    }

    private struct File: Decodable {
        var authservId: String?
    }

    public static func load(_ dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TrustSettings {
        if let id = environment["CAREDESK_AUTHSERV_ID"], !id.isEmpty { return TrustSettings(authservID: id) }
        let file = DeliverySettings.file(dataFolder)
        guard let data = FileManager.default.contents(atPath: file.path) else { return TrustSettings() }
        do {
            return TrustSettings(authservID: try JSONDecoder().decode(File.self, from: data).authservId)
        } catch {
            throw DataFolder.Problem(description: "\(file.path) is not valid: \(error)")
        }
    }
}
