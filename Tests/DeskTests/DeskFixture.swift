import Clinic
import Foundation
import Logging
import Store
@testable import Desk

/// A desk on a fresh temporary data folder holding the sample clinic and one verified patient.
struct DeskFixture {
    let folder: URL
    let desk: Desk

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// Mon 2 Mar 2026, 09:00 IST.
    static let now: Int64 = 1_772_422_200
    static let patient = "priya@example.in"

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString.prefix(8))")
        let setup = try DataFolder.readClinic(Self.packageRoot.appendingPathComponent("Samples/clinic.json"))
        try DataFolder.initialise(folder, setup: setup)
        let store = try JSONStore<DeskState>(directory: folder)
        var patient = Patient(id: "P1", name: "Priya Sharma", email: Self.patient, phone: nil, registeredAt: Self.now, pendingCode: nil)
        patient.verified = true
        try store.transaction { _ in ([.message(HandledMessage(key: "seed", events: [.patientRegistered(patient)], replies: []))], ()) }
        let templates = try ReplyTemplates(directory: Self.packageRoot.appendingPathComponent("Templates"))
        desk = try Desk(dataFolder: folder, templates: templates, logger: Logger(label: "test"))
        desk.randomness = .predictable(seed: 0)  // codes and references the tests can name
        desk.trust = TrustSettings(authservID: Self.authservID)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// The clinic's mail server, whose verdict `mail()` stamps on messages unless told not to.
    static let authservID = "mx.kanchicare.example"

    static func mail(_ body: String, from: String = patient, id: String = UUID().uuidString + "@example.in", subject: String = "hello",
                     authenticated: Bool = true) -> InboundMessage {
        let domain = from.split(separator: "@").last.map(String.init) ?? ""
        let verdict = authenticated ? "Authentication-Results: \(authservID); dmarc=pass header.from=\(domain)\n" : ""
        return InboundMessage(raw: Data("\(verdict)From: \(from)\nTo: desk@kanchicare.example\nSubject: \(subject)\nMessage-ID: <\(id)>\n\n\(body)\n".utf8))
    }
}
