import Clinic
import Desk
import DeskDatabase
import Foundation
import Logging
import Store
import TestServers
import Testing

/// The two stores every contract test runs against: the data folder's journal and PostgreSQL.
enum StoreKind: String, CaseIterable, CustomTestStringConvertible, Sendable {
    case journal, postgres

    var testDescription: String { rawValue }

    /// One PostgreSQL server for the whole test run, started on first use (a fresh database per store).
    nonisolated(unsafe) static var server: PostgresTestServer?
    static let serverLock = NSLock()

    static func sharedServer() throws -> PostgresTestServer {
        try serverLock.withLock {
            if let server { return server }
            let started = try PostgresTestServer()
            server = started
            return started
        }
    }
}

/// Where one test's store lives; `open()` opens another instance on the same place (another process would).
struct StorePlace: Sendable {
    let kind: StoreKind
    let folder: URL
    let database: DatabaseURL?

    static func fresh(_ kind: StoreKind, _ name: String) throws -> StorePlace {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("contract-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        switch kind {
        case .journal:
            return StorePlace(kind: kind, folder: folder, database: nil)
        case .postgres:
            let server = try StoreKind.sharedServer()
            let url = try DatabaseURL(try server.makeDatabase("c_\(name.lowercased())_\(UUID().uuidString.prefix(8).lowercased())"))
            try PostgresDeskStore.prepare(url: url, logger: Logger(label: "contract"))
            return StorePlace(kind: kind, folder: folder, database: url)
        }
    }

    func open(compactEvery: Int = 50_000) throws -> any StateStore<DeskState> {
        switch kind {
        case .journal: try JSONStore<DeskState>(directory: folder, compactEvery: compactEvery)
        case .postgres: try PostgresDeskStore(url: database!, logger: Logger(label: "contract"), compactEvery: compactEvery)
        }
    }

    /// psql on this place's database (postgres only).
    @discardableResult
    func sql(_ query: String) throws -> String {
        try StoreKind.sharedServer().psql(query, database: database!.database)
    }
}

/// Records as a desk would write them: the clinic first, then handled messages with a booking each.
enum Records {
    static let setup: DeskRecord = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return .setup(try! DataFolder.readClinic(root.appendingPathComponent("Samples/clinic.json")))
    }()

    /// A handled message that booked Dr Rao at slot `n` (30 minutes each, from 2 Mar 2026 04:30 UTC).
    static func booking(_ n: Int, key: String? = nil) -> DeskRecord {
        let start: Int64 = 1_772_425_800 + Int64(n) * 1800
        let appointment = Appointment(ref: String(format: "R%04d", n), doctorID: "rao", patientID: "P\(n)", start: start, end: start + 1800,
                                      reason: nil, bookedAt: start - 86_400, bookedBy: "P\(n)")
        return .message(HandledMessage(key: key ?? "message-\(n)", events: [.booked(appointment)], replies: []))
    }

    /// Commits `records` as a desk does: applied to the state in place, then journaled.
    static func commit(_ records: [DeskRecord], to store: any StateStore<DeskState>) throws {
        try store.update { state -> ([DeskRecord], Void) in
            records.forEach { state.apply($0) }
            return (records, ())
        }
    }

    /// The state in a canonical form (sets and dictionaries in order): two states that hold the same are equal.
    static func snapshotBytes(_ store: any StateStore<DeskState>) throws -> Data {
        let state = store.state
        struct Canonical: Encodable {
            let clinic: String?
            let appointments: [Appointment]
            let patients: [Patient]
            let handled: [String]
            let handledBefore: [String]
            let outbox: [OutboxMessage]
            let bounceKey: String?
        }
        let canonical = Canonical(clinic: state.clinic?.info.name,
                                  appointments: (state.clinic?.appointments.values ?? []).sorted { $0.ref < $1.ref },
                                  patients: (state.clinic?.patients.values.map { $0 } ?? []).sorted { $0.id < $1.id },
                                  handled: state.handled.sorted(), handledBefore: state.handledBefore.sorted(),
                                  outbox: state.outbox.values.sorted { $0.id < $1.id }, bounceKey: state.bounceKey)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(canonical)
    }
}
