import ArgumentParser
import Foundation
import Store

/// The store alone, apart from the desk: committing small records in batches, opening a million-appointment
/// store under three snapshot encodings (keyed JSON, columnar JSON through JSONDecoder, columnar JSON through
/// `ColumnarJSONReader`, the one the desk uses), and where the time of encoding and reading goes. The states
/// here are the bench's own (an appointment of six fields), not the desk's. Prints figures; asserts nothing.
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Measure the journal and snapshot store alone: batched commits, opening 1M appointments under three encodings.")

    @Option(help: "Appointments in the large stores.") var appointments = 1_000_000
    @Option(help: "Work folder; the run works in a new subfolder and removes it at the end.") var work = ".build/bench"

    func validate() throws {
        guard appointments > 0 else { throw ValidationError("--appointments must be positive") }
    }

    func run() throws {
        let folder = try runFolder(work, "store")
        defer { try? FileManager.default.removeItem(at: folder) }
        try commits(in: folder.appendingPathComponent("commits"))
        try openLarge(Keyed.self, label: "keyed JSON, JSONDecoder", in: folder.appendingPathComponent("keyed")) { Keyed(appointments: $0) }
        try openLarge(Columnar.self, label: "columnar JSON, JSONDecoder", in: folder.appendingPathComponent("columnar")) {
            var c = Columnar()
            c.appointments = $0
            return c
        }
        try openLarge(FastColumnar.self, label: "columnar JSON, ColumnarJSONReader", in: folder.appendingPathComponent("fast")) {
            var c = FastColumnar()
            c.appointments = $0
            return c
        }
        try recordBreakdown()
        try columnarBreakdown()
    }

    struct Appointment: Codable, Sendable, Equatable {
        var ref: String
        var doctor: String
        var patient: String
        var start: Int64
        var end: Int64
        var status: String
    }

    /// Keyed JSON snapshot: the synthesized Codable, `[{"ref":...}, ...]`.
    struct Keyed: StoreState {
        var appointments: [Appointment] = []
        mutating func apply(_ record: Booking) { appointments.append(record.appointment) }
    }

    /// Same state, columnar JSON snapshot: one array per field.
    struct Columnar: StoreState {
        var appointments: [Appointment] = []
        mutating func apply(_ record: Booking) { appointments.append(record.appointment) }

        private struct Columns: Codable {
            var ref: [String] = [], doctor: [String] = [], patient: [String] = []
            var start: [Int64] = [], end: [Int64] = [], status: [String] = []
        }

        init() {}

        func snapshotData() throws -> Data {
            var c = Columns()
            for a in appointments {
                c.ref.append(a.ref); c.doctor.append(a.doctor); c.patient.append(a.patient)
                c.start.append(a.start); c.end.append(a.end); c.status.append(a.status)
            }
            return try JSONEncoder().encode(c)
        }

        init(snapshotData: Data) throws {
            let c = try JSONDecoder().decode(Columns.self, from: snapshotData)
            appointments.reserveCapacity(c.ref.count)
            for i in c.ref.indices {
                appointments.append(Appointment(ref: c.ref[i], doctor: c.doctor[i], patient: c.patient[i],
                                                start: c.start[i], end: c.end[i], status: c.status[i]))
            }
        }
    }

    /// Same state, columnar JSON written and read by ColumnarJSONWriter/Reader.
    struct FastColumnar: StoreState {
        var appointments: [Appointment] = []
        mutating func apply(_ record: Booking) { appointments.append(record.appointment) }
        init() {}

        func snapshotData() throws -> Data {
            var w = ColumnarJSONWriter()
            w.write("ref", count: appointments.count, string: { appointments[$0].ref })
            w.write("doctor", count: appointments.count, string: { appointments[$0].doctor })
            w.write("patient", count: appointments.count, string: { appointments[$0].patient })
            w.write("start", count: appointments.count, integer: { appointments[$0].start })
            w.write("end", count: appointments.count, integer: { appointments[$0].end })
            w.write("status", count: appointments.count, string: { appointments[$0].status })
            return w.data()
        }

        init(snapshotData: Data) throws {
            let r = try ColumnarJSONReader(snapshotData)
            let ref = try r.strings("ref"), doctor = try r.strings("doctor"), patient = try r.strings("patient")
            let start = try r.integers("start"), end = try r.integers("end"), status = try r.strings("status")
            guard [doctor.count, patient.count, start.count, end.count, status.count].allSatisfy({ $0 == ref.count }) else {
                throw CocoaError(.coderReadCorrupt)
            }
            appointments.reserveCapacity(ref.count)
            for i in ref.indices {
                appointments.append(Appointment(ref: ref[i], doctor: doctor[i], patient: patient[i],
                                                start: start[i], end: end[i], status: status[i]))
            }
        }
    }

    /// A journal record of about 300 bytes of JSON.
    struct Booking: Codable, Sendable {
        var appointment: Appointment
        var messageID: String
        var from: String
        var note: String
    }

    static func appointment(_ i: Int) -> Appointment {
        let ref = String(String(i, radix: 36, uppercase: true).suffix(5)).padding(toLength: 5, withPad: "0", startingAt: 0)
        return Appointment(ref: ref, doctor: "dr-\(["ahmed", "baker", "chen", "diaz", "evans"][i % 5])-\(i % 40)",
                           patient: "patient-\(i % 250_000)", start: 1_760_000_000 + Int64(i) * 900,
                           end: 1_760_000_000 + Int64(i) * 900 + 1800, status: i % 7 == 0 ? "cancelled" : "booked")
    }

    static func booking(_ i: Int) -> Booking {
        Booking(appointment: appointment(i), messageID: "<\(i).\(UUID().uuidString)@mail.example.org>",
                from: "patient\(i % 250_000)@example.org",
                note: String(repeating: "x", count: 60))
    }

    func seconds(_ duration: Duration) -> String {
        let c = duration.components
        return String(format: "%.3f s", Double(c.seconds) + Double(c.attoseconds) / 1e18)
    }

    func storeFile(_ directory: URL, _ name: String) -> URL {
        directory.appendingPathComponent("store").appendingPathComponent(name)
    }

    /// 20,000 records of ~300 B in 100 batches of 200, one write + fsync each; then a reopen replaying them.
    func commits(in dir: URL) throws {
        let store = try JSONStore<Keyed>(directory: dir)
        let size = try JSONEncoder().encode(Self.booking(123_456)).count
        let batches = (0..<100).map { b in (0..<200).map { Self.booking(b * 200 + $0) } }
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            for batch in batches {
                try store.transaction { _ in (batch, ()) }
            }
        }
        let bytes = try Data(contentsOf: storeFile(dir, "journal-0.log")).count
        print("commit: 20000 records (~\(size) B JSON each), 100 batches of 200, one write + fsync each: \(seconds(elapsed)); journal \(bytes) bytes")
        let reopen = try clock.measure { _ = try JSONStore<Keyed>(directory: dir) }
        print("reopen replaying 20000 journal records: \(seconds(reopen))")
    }

    /// A store of `appointments` seeded through a snapshot, compacted, opened, and opened again with 20,000
    /// journal records on top.
    func openLarge<S: StoreState>(_ type: S.Type, label: String, in dir: URL, make: ([Appointment]) -> S) throws {
        let clock = ContinuousClock()
        let count = appointments
        let all = (0..<count).map(Self.appointment)
        do {
            let store = try JSONStore<S>(directory: dir)
            try store.transaction { _ in ([S.Record](), ()) }
            // Seed the state through a snapshot: write it like a compaction would.
            try make(all).snapshotData().write(to: storeFile(dir, "snapshot-1.json"))
        }
        let store = try JSONStore<S>(directory: dir)  // loads generation 1
        let compaction = try clock.measure { try store.compact() }
        let bytes = try Data(contentsOf: storeFile(dir, "snapshot-2.json")).count
        let open = try clock.measure { _ = try JSONStore<S>(directory: dir) }
        for b in 0..<100 {
            try store.transaction { _ in ((0..<200).map { Self.booking(count + b * 200 + $0) } as! [S.Record], ()) }
        }
        let openWithJournal = try clock.measure { _ = try JSONStore<S>(directory: dir) }
        print("\(label): \(count) appointments, snapshot \(bytes / 1_000_000) MB; compact \(seconds(compaction)); open \(seconds(open)); "
              + "open with 20000 journal records on top \(seconds(openWithJournal))")
        try FileManager.default.removeItem(at: dir)
    }

    /// A record's encode, decode (one by one and as one array) and CRC-32, over 20,000 of them.
    func recordBreakdown() throws {
        let clock = ContinuousClock()
        let records = (0..<20_000).map(Self.booking)
        let encoder = JSONEncoder()
        var payloads: [Data] = []
        let encode = try clock.measure { payloads = try records.map { try encoder.encode($0) } }
        let decoder = JSONDecoder()
        let decode = try clock.measure { for p in payloads { _ = try decoder.decode(Booking.self, from: p) } }
        var joined = Data("[".utf8)
        for (i, p) in payloads.enumerated() {
            if i > 0 { joined.append(UInt8(ascii: ",")) }
            joined.append(p)
        }
        joined.append(UInt8(ascii: "]"))
        let decodeArray = try clock.measure { _ = try decoder.decode([Booking].self, from: joined) }
        let bytes = payloads.reduce(0) { $0 + $1.count }
        let crc = clock.measure { for p in payloads { _ = CRC32.checksum(p) } }
        print("20000 records: encode \(seconds(encode)), decode one by one \(seconds(decode)), decode as one array \(seconds(decodeArray)), "
              + "crc32 of \(bytes) B \(seconds(crc))")
    }

    /// The columnar codec on `appointments`: encoding (all, one string column, one integer column), indexing,
    /// reading one column of each kind, decoding all.
    func columnarBreakdown() throws {
        let clock = ContinuousClock()
        var state = FastColumnar()
        state.appointments = (0..<appointments).map(Self.appointment)
        var data = Data()
        let encode = try clock.measure { data = try state.snapshotData() }
        var w = ColumnarJSONWriter()
        let refsOnly = clock.measure { w.write("ref", count: state.appointments.count, string: { state.appointments[$0].ref }) }
        var w2 = ColumnarJSONWriter()
        let intsOnly = clock.measure { w2.write("start", count: state.appointments.count, integer: { state.appointments[$0].start }) }
        let index = try clock.measure { _ = try ColumnarJSONReader(data) }
        let reader = try ColumnarJSONReader(data)
        let strings = try clock.measure { _ = try reader.strings("patient") }
        let ints = try clock.measure { _ = try reader.integers("start") }
        let decode = try clock.measure { _ = try FastColumnar(snapshotData: data) }
        print("columnar \(appointments): encode \(seconds(encode)) (one string column \(seconds(refsOnly)), one int column \(seconds(intsOnly))); "
              + "index \(seconds(index)); one string column \(seconds(strings)); one int column \(seconds(ints)); full decode \(seconds(decode))")
    }
}
