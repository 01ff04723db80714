import ArgumentParser
import Clinic
import Delivery
import Desk
import Foundation

/// `caredesk broadcast cancel`: the desk's BROADCAST CANCEL for scripts.
struct Broadcast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The desk's broadcasts, for scripts.",
        subcommands: [BroadcastCancel.self])
}

struct BroadcastCancel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel a doctor's (or every doctor's) confirmed appointments of a day and tell each patient by mail.",
        discussion: "One journal commit holds the cancellations and the notices; they are then delivered as `caredesk deliver` does.")

    @OptionGroup var options: DataOptions

    @Option(name: .long, help: "The doctor's id (e.g. rao), or ALL.")
    var doctor: String

    @Option(name: .long, help: "The day, e.g. 2026-03-03.")
    var day: String

    @Option(name: .long, help: "The reason the patients are told.")
    var reason: String?

    func run() throws {
        Desk.bootstrapLogging()
        let now = try options.instant()
        guard let date = LocalDate(iso: day) else { throw ValidationError("--day \(day): write a date as 2026-03-03") }
        let settings = try DeliverySettings.load(options.folder)
        let desk = try CareDesk.openDesk(options, label: "caredesk.broadcast")
        let doctorID: String? = doctor.uppercased() == "ALL" ? nil : doctor.lowercased()
        if let doctorID, desk.state.clinic?.doctor(id: doctorID) == nil {
            let ids = desk.state.clinic?.doctors.map(\.id).joined(separator: ", ") ?? ""
            throw ValidationError("--doctor \(doctor): no such doctor; the ids are \(ids), or ALL")
        }
        let reason = reason.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        let result = try desk.broadcastCancel(doctorID: doctorID, day: date, reason: reason, now: now)
        print(result.summary, terminator: result.summary.hasSuffix("\n") ? "" : "\n")
        print("patients notified by mail: \(result.notices)")
        print(Couriers.describe(try Couriers.deliver(desk: desk, settings: settings, dataFolder: options.folder, now: now)))
    }
}
