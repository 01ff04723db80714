import Foundation

/// Whose word the desk takes for who sent a message: the authserv-id of the clinic's own mail server,
/// from `"authservId"` in `DATA/config.json` or `CAREDESK_AUTHSERV_ID` (which wins). Without one, no mail
/// counts as authenticated, and everything that changes something for somebody else waits for CONFIRM.
///
/// The signed JSON webhook (`POST /webhooks/messages`) vouches for its `from` as a patient's; it may speak
/// for the desk or a doctor without CONFIRM only with `"staffSenders": true` in `DATA/config.json` (or
/// `CAREDESK_WEBHOOK_STAFF_SENDERS=1`). Otherwise a staff address it names is treated like unauthenticated
/// mail: what changes something waits for CONFIRM, sent by mail to that address.
public struct TrustSettings: Sendable, Equatable {
    public var authservID: String?
    public var webhookStaffSenders: Bool
    /// Inbound messages over this size are not read past their header: logged, marked handled, and unless
    /// automatic answered with a short refusal (`"maxMessageBytes"`, default 10 MB).
    public var maxMessageBytes: Int

    /// Messages one sender may send in an hour, by mail, SMS or webhook (`"hourlyLimit"`, or
    /// `CAREDESK_RATE_LIMIT`, which wins; default 20). The desk's and doctors' addresses may send ten times
    /// as many. Past it: one polite answer, then nothing is read until the hour has passed.
    public var hourlyLimit: Int

    public static let defaultMaxMessageBytes = 10 * 1024 * 1024
    public static let defaultHourlyLimit = 20
    /// How many times the hourly limit a staff address may send (a front desk works all day by mail).
    public static let staffAllowanceFactor = 10

    public init(authservID: String? = nil, webhookStaffSenders: Bool = false, maxMessageBytes: Int = TrustSettings.defaultMaxMessageBytes,
                hourlyLimit: Int = TrustSettings.defaultHourlyLimit) {
        self.authservID = authservID.map(\.asciiLowercased).flatMap { $0.isEmpty ? nil : $0 }
        self.webhookStaffSenders = webhookStaffSenders
        self.maxMessageBytes = max(64 * 1024, maxMessageBytes)
        self.hourlyLimit = max(1, hourlyLimit)
    }

    /// The hourly limit of an address, staff or not.
    public func hourlyLimit(staff: Bool) -> Int {
        guard staff else { return hourlyLimit }
        let (product, overflow) = hourlyLimit.multipliedReportingOverflow(by: Self.staffAllowanceFactor)
        return overflow ? Int.max : product
    }

    private struct File: Decodable {
        var authservId: String?
        var staffSenders: Bool?
        var maxMessageBytes: Int?
        var hourlyLimit: Int?
    }

    public static func load(_ dataFolder: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> TrustSettings {
        var settings = TrustSettings()
        let file = DeliverySettings.file(dataFolder)
        if let data = FileManager.default.contents(atPath: file.path) {
            do {
                let read = try JSONDecoder().decode(File.self, from: data)
                settings = TrustSettings(authservID: read.authservId, webhookStaffSenders: read.staffSenders ?? false,
                                         maxMessageBytes: read.maxMessageBytes ?? TrustSettings.defaultMaxMessageBytes,
                                         hourlyLimit: read.hourlyLimit ?? TrustSettings.defaultHourlyLimit)
            } catch {
                throw DataFolder.Problem(description: "\(file.path) is not valid: \(error)")
            }
        }
        if let id = environment["CAREDESK_AUTHSERV_ID"], !id.isEmpty { settings.authservID = id.asciiLowercased }
        if let staff = environment["CAREDESK_WEBHOOK_STAFF_SENDERS"], !staff.isEmpty { settings.webhookStaffSenders = staff == "1" || staff == "true" }
        if let limit = environment["CAREDESK_RATE_LIMIT"].flatMap(Int.init) { settings.hourlyLimit = max(1, limit) }
        return settings
    }
}
