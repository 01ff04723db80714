import Foundation
import Hummingbird

/// `GET /health`: counts only — how much the store holds, where the outbox stands, how the last delivery
/// went. Never a patient's name, address or appointment.
public struct HealthReport: Sendable, Equatable, Codable {
    public struct Store: Sendable, Equatable, Codable {
        public var doctors: Int
        public var patients: Int
        public var appointments: Int
    }

    public struct Outbox: Sendable, Equatable, Codable {
        public var queued = 0
        public var sending = 0
        public var deferred = 0
        public var failed = 0
        public var sent = 0
    }

    /// What is kept only for a while (see README, Patients' data): the handled ids remembered against
    /// re-sent messages, and what the last retention round let go.
    public struct Retention: Sendable, Equatable, Codable {
        public var handledIDsKept = 0
        public var outgoingFilesRemoved = 0
        public var handledIDsForgotten = 0
        public var registrationsDropped = 0
        /// Months whose books are closed (their appointments on the history shelf, not in memory).
        public var monthsClosed: Int?
        /// The oldest month still open (held in memory), "2025-12"; nil while nothing was closed.
        public var oldestOpenMonth: String?
    }

    /// The database the store is in, when it is in one (nil: the data folder's journal).
    public struct Database: Sendable, Equatable, Codable {
        /// Without the password.
        public var url: String
        public var reachable: Bool
        /// Why the last call could not reach it (nil when it did).
        public var lastError: String?
    }

    public var status = "ok"
    public var store: Store
    public var outbox: Outbox
    /// The last error of the last delivery round that tried anything (nil when all it tried went), with
    /// mail addresses taken out.
    public var lastDeliveryError: String?
    /// When the outbox last handed a message over (to the mail server or `DATA/outgoing/`).
    public var lastDeliveryAt: Date?
    public var retention = Retention()
    public var database: Database?

    enum CodingKeys: String, CodingKey { case status, store, outbox, lastDeliveryError, lastDeliveryAt, retention, database }

    /// Absent values are written as null, so the shape of the report never changes.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(status, forKey: .status)
        try c.encode(store, forKey: .store)
        try c.encode(outbox, forKey: .outbox)
        try c.encode(lastDeliveryError, forKey: .lastDeliveryError)
        try c.encode(lastDeliveryAt.map(Self.iso8601), forKey: .lastDeliveryAt)
        try c.encode(retention, forKey: .retention)
        try c.encode(database, forKey: .database)
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(String.self, forKey: .status)
        store = try c.decode(Store.self, forKey: .store)
        outbox = try c.decode(Outbox.self, forKey: .outbox)
        lastDeliveryError = try c.decodeIfPresent(String.self, forKey: .lastDeliveryError)
        lastDeliveryAt = try c.decodeIfPresent(String.self, forKey: .lastDeliveryAt).flatMap { ISO8601DateFormatter().date(from: $0) }
        retention = try c.decodeIfPresent(Retention.self, forKey: .retention) ?? Retention()
        database = try c.decodeIfPresent(Database.self, forKey: .database)
    }

    init(store: Store, outbox: Outbox, lastDeliveryError: String?, lastDeliveryAt: Date?) {
        self.store = store
        self.outbox = outbox
        self.lastDeliveryError = lastDeliveryError
        self.lastDeliveryAt = lastDeliveryAt
    }

    static func iso8601(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }

    /// A mail server's refusal may quote the recipient ("550 <asha@example.in>: no such user").
    static func withoutAddresses(_ text: String) -> String {
        text.replacing(#/[^\s<>"'(),;:\[\]]+@[^\s<>"'(),;:\[\]]+/#, with: "(address)")
    }
}

extension HealthReport: ResponseGenerator {
    /// JSON with its keys in a fixed order, so two reports compare line by line.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try encoder.encode(self)
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
