import Clinic
import Desk
import Foundation
import Store

/// A large made-up clinic for measurements: many doctors, many verified patients, and a store already
/// holding many appointments — its history, all before `now`, as a clinic's store grows: they weigh on the
/// indexes without changing what the measured messages can book or how long their replies are.
public struct SyntheticClinic: Sendable {
    public var doctors: Int
    public var patients: Int
    public var appointments: Int
    /// When the doctors' fees are taken (in force only where the desk takes payments online).
    public var payment: PaymentPolicy.Mode = .off

    public init(doctors: Int = 50, patients: Int = 10_000, appointments: Int = 10_000) {
        self.doctors = doctors
        self.patients = patients
        self.appointments = appointments
    }

    public static let surnames = ["Rao", "Iyer", "Kumar", "Menon", "Pillai", "Reddy", "Nair", "Das", "Sen", "Bose",
                                  "Ghosh", "Shah", "Mehta", "Patel", "Joshi", "Kapoor", "Verma", "Gupta", "Sinha", "Naidu",
                                  "Chopra", "Malhotra", "Saxena", "Bhat", "Hegde", "Kulkarni", "Desai", "Pandey", "Mishra", "Tiwari",
                                  "Dubey", "Rastogi", "Chauhan", "Rathore", "Yadav", "Shetty", "Kamath", "Pai", "Prabhu", "Rau",
                                  "Varma", "Thomas", "George", "Mathew", "Kurian", "Abraham", "Jacob", "Paul", "Francis", "Xavier"]

    public func doctorList() -> [Doctor] {
        (0..<doctors).map { i in
            let surname = i < Self.surnames.count ? Self.surnames[i] : "Doc\(i)"
            var hours: [Weekday: [TimeRange]] = [:]
            for day in [Weekday.mon, .tue, .wed, .thu, .fri, .sat] {
                hours[day] = [TimeRange(text: "08:00-13:00")!, TimeRange(text: "15:00-20:00")!]
            }
            return Doctor(id: surname.lowercased(), name: "Dr \(["Asha", "Vikram", "Lata", "Ravi"][i % 4]) \(surname)",
                          specialty: ["Cardiology", "Paediatrics", "General Medicine", "Dermatology", "Orthopaedics"][i % 5],
                          qualifications: "MBBS, MD", fee: Money(major: 500), slotMinutes: 15, hours: WeeklyHours(hours),
                          email: "\(surname.lowercased())@bench.example")
        }
    }

    public static func patientAddress(_ i: Int) -> String { "patient\(i)@bench.example" }

    /// Writes a fresh data folder holding the synthetic clinic. `now` anchors where the pre-existing appointments go.
    public func write(to folder: URL, now: Int64) throws {
        let info = ClinicInfo(name: "Synthetic Hospital", address: "Bench Road", phone: "+91 00 0000 0000",
                              deskEmail: "desk@bench.example", timeZone: "Asia/Kolkata", currency: "INR",
                              payment: PaymentPolicy(mode: payment))
        let doctorList = doctorList()
        try DataFolder.initialise(folder, setup: ClinicSetup(clinic: info, doctors: doctorList))
        let store = try JSONStore<DeskState>(directory: folder, compactEvery: Int.max)
        let clinic = try ClinicState(info: info, doctors: doctorList)
        var records: [DeskRecord] = []
        func flush() throws {
            guard !records.isEmpty else { return }
            let batch = records
            records = []
            try store.transaction { _ in (batch, ()) }
        }
        for i in 0..<patients {
            var patient = Patient(id: "P\(i + 1)", name: "Patient \(i)", email: Self.patientAddress(i), phone: nil, registeredAt: now - 86_400, pendingCode: nil)
            patient.verified = true
            patient.verifiedAt = now - 86_400
            records.append(.message(HandledMessage(key: "seed-patient-\(i)", events: [.patientRegistered(patient)], replies: [])))
            if records.count == 5_000 { try flush() }
        }
        // Appointments fill whole clinic days going back from yesterday.
        let today = clinic.zone.local(now).date
        var written = 0
        var dayOffset = 1
        var events: [ClinicEvent] = []
        var random = SeededGenerator(seed: 42)
        outer: while written < appointments {
            let date = today.adding(days: -dayOffset)
            dayOffset += 1
            for doctor in doctorList {
                for range in doctor.hours[date.weekday] {
                    var minute = range.start.minutes
                    while minute + doctor.slotMinutes <= range.end.minutes {
                        let start = clinic.zone.instant(date, TimeOfDay(minutes: minute))
                        let ref = Reference.make(isUsed: { _ in false }, random: &random)
                        let appointment = Appointment(ref: "\(ref)\(written)", doctorID: doctor.id, patientID: "P\(written % max(1, patients) + 1)",
                                                      start: start, end: start + Int64(doctor.slotMinutes) * 60,
                                                      reason: nil, bookedAt: now - 86_400, bookedBy: "seed")
                        events.append(.booked(appointment))
                        written += 1
                        minute += doctor.slotMinutes
                        if events.count == 1_000 {
                            records.append(.message(HandledMessage(key: "seed-appointments-\(written)", events: events, replies: [])))
                            events = []
                            if records.count == 50 { try flush() }
                        }
                        if written >= appointments { break outer }
                    }
                }
            }
        }
        if !events.isEmpty { records.append(.message(HandledMessage(key: "seed-appointments-\(written)", events: events, replies: []))) }
        try flush()
        try store.compact()
    }

    /// One BOOK per patient for a slot of its own (no conflicts): doctors in turn, their Tuesday to
    /// Saturday slots in order, from `first`.
    public func bookings(count: Int, first: Int = 0) -> [String] {
        let names = (0..<doctors).map { $0 < Self.surnames.count ? Self.surnames[$0] : "Doc\($0)" }
        let days = ["Tue", "Wed", "Thu", "Fri", "Sat"]
        // 08:00-13:00 and 15:00-20:00 in 15-minute slots: 40 a day.
        let times = (0..<40).map { slot -> String in
            let minutes = (slot < 20 ? 8 * 60 : 15 * 60) + (slot % 20) * 15
            return String(format: "%02d:%02d", minutes / 60, minutes % 60)
        }
        return (first..<(first + count)).map { i in
            let sender = Self.patientAddress(i % patients)
            let slot = i / doctors
            let body = "BOOK Dr \(names[i % doctors]) \(days[(slot / times.count) % days.count]) \(times[slot % times.count])"
            return "From: \(sender)\nTo: desk@bench.example\nSubject: appointment\nMessage-ID: <pay-\(i)@bench.example>\n"
                + "Date: Mon, 2 Mar 2026 08:50:00 +0530\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n\(body)\n"
        }
    }

    /// The measured mail: 60% BOOK (often for the same few slots), 20% SLOTS, 15% CANCEL, 5% not commands.
    public func messages(count: Int, seed: UInt64 = 7) -> [String] {
        var random = SeededGenerator(seed: seed)
        func pick(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
        let doctorNames = (0..<doctors).map { $0 < Self.surnames.count ? Self.surnames[$0] : "Doc\($0)" }
        let days = ["Tue", "Wed", "Thu", "Fri", "Sat"]
        let times = ["08:00", "08:15", "08:30", "09:00", "10:45", "11:30", "15:00", "16:15", "19:45"]
        return (0..<count).map { i in
            let sender = Self.patientAddress(pick(patients))
            let roll = pick(100)
            let body: String
            if roll < 60 {
                // Few doctors and times: frequent conflicts, answered with the three nearest free slots.
                body = "BOOK Dr \(doctorNames[pick(min(10, doctors))]) \(days[pick(days.count)]) \(times[pick(times.count)]) check-up"
            } else if roll < 80 {
                body = "SLOTS Dr \(doctorNames[pick(doctors)]) \(days[pick(days.count)])"
            } else if roll < 95 {
                body = "CANCEL"
            } else {
                body = "Hello, is the pharmacy open on Sunday?"
            }
            return "Return-Path: <\(sender)>\nFrom: \(sender)\nTo: desk@bench.example\nSubject: appointment\n"
                + "Message-ID: <bench-\(i)-\(seed)@bench.example>\nDate: Mon, 2 Mar 2026 08:50:00 +0530\nMIME-Version: 1.0\n"
                + "Content-Type: text/plain; charset=utf-8\n\n\(body)\n\nThanks\n"
        }
    }
}
