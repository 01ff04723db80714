import Clinic
import Foundation

/// A patient erased by FORGET ME or ERASE, as they were just before: what their files are found by.
struct ErasedPatient: Sendable, Equatable {
    let id: String
    let name: String
    /// Lowercased mail address and E.164 number, where they had them.
    let addresses: [String]
    let photo: Photo.Kind?

    init(_ patient: Patient) {
        id = patient.id
        name = patient.name
        addresses = [patient.email?.asciiLowercased, patient.phone, patient.contactPhone].compactMap { $0 }.filter { !$0.isEmpty }
        photo = patient.photo?.kind
    }

    /// What the desk keeps that names them beside the clinic: outbox messages to them, holds of their
    /// commands, the marks that their mail bounced or their number sent STOP.
    func traces(in state: DeskState) -> (outbox: [String], holds: [String], undeliverable: [String], optedOut: [String]) {
        let outbox = state.outbox.values.filter { message in message.recipients.contains { addresses.contains($0.asciiLowercased) } }.map(\.id)
        let holds = state.holds.values.filter { addresses.contains($0.address) }.map(\.key)
        return (outbox.sorted(), holds.sorted(), addresses.filter { state.undeliverable.contains($0) }, addresses.filter { state.smsOptedOut.contains($0) })
    }

    /// Whether a file's text names them (their name, an address or a number).
    func isNamed(in text: String) -> Bool {
        let lower = text.lowercased()
        if addresses.contains(where: { lower.contains($0) }) { return true }
        return name.count >= 4 && name != ClinicState.erasedName && lower.contains(name.lowercased())
    }
}

extension Desk {
    /// After the commit that erased them: the store keeps no earlier generation that names them, their
    /// photo is deleted, and so is every copy in outgoing/ and outgoing-sms/ that names them (the answer
    /// telling them it is done goes out after this). Once that answer is delivered the store is compacted
    /// again, so not even its address is kept.
    func eraseFiles(of patients: [ErasedPatient]) throws {
        guard !patients.isEmpty else { return }
        for patient in patients {
            if let kind = patient.photo { try? FileManager.default.removeItem(at: photos.file(ownerID: patient.id, kind: kind)) }
        }
        for folder in [DataFolder.outgoing(dataFolder), DataFolder.outgoingSMS(dataFolder)] {
            guard let walker = FileManager.default.enumerator(atPath: folder) else { continue }
            for case let name as String in walker {
                let path = (folder as NSString).appendingPathComponent(name)
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                let text = String(decoding: data, as: UTF8.self)
                if patients.contains(where: { $0.isNamed(in: text) || $0.isNamed(in: Self.unfolded(text)) }) {
                    try FileManager.default.removeItem(atPath: path)
                }
            }
        }
        try store.compactForgettingEarlier()
    }

    /// A mail's text with quoted-printable soft breaks and encodings undone enough to find a name in it.
    static func unfolded(_ text: String) -> String {
        text.replacingOccurrences(of: "=\r\n", with: "").replacingOccurrences(of: "=\n", with: "").replacingOccurrences(of: "=20", with: " ")
    }

    /// Compacts once the answers to erased patients have all gone (their addresses are then dropped).
    func compactAfterErasureAnswers() throws {
        guard !erasureAnswers.isEmpty else { return }
        let waiting = erasureAnswers.filter { store.state.outbox[$0]?.isPending == true }
        guard waiting.isEmpty else { return }
        erasureAnswers = []
        try store.compactForgettingEarlier()
    }
}
