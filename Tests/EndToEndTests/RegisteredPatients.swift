import Foundation
import Testing

/// Registers and verifies patients the ordinary way — REGISTER, then VERIFY with the code read from the
/// reply — and returns their addresses. `environment` is given to each run (`CAREDESK_DATABASE_URL`: the
/// patients are registered in that database, the replies still read from `data/outgoing/new`).
func registerPatients(count: Int, data: URL, root: URL, now: String, environment: [String: String] = [:]) throws -> [String] {
    let addresses = (0..<count).map { "patient\($0)@example.in" }
    let registration = root.appendingPathComponent("register")
    try makeMaildir(at: registration, messages: addresses.enumerated().map { i, a in
        mail(from: a, subject: "register", body: "REGISTER Patient Number \(i)", id: "reg-\(i)@example.in")
    })
    try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, registration.path], environment: environment)
    var codes: [String: String] = [:]
    for reply in files(in: data.appendingPathComponent("outgoing/new")) {
        let text = try String(contentsOf: reply, encoding: .utf8)
        guard let to = text.split(separator: "\n").first(where: { $0.hasPrefix("To: ") }),
              let range = text.range(of: #"VERIFY [0-9]{6}"#, options: .regularExpression) else { continue }
        let address = to.dropFirst(4).trimmingCharacters(in: CharacterSet(charactersIn: " <>"))
        codes[address] = String(text[range].dropFirst(7))
    }
    #expect(codes.count == count)
    let verification = root.appendingPathComponent("verify")
    try makeMaildir(at: verification, messages: addresses.enumerated().map { i, a in
        mail(from: a, subject: "verify", body: "VERIFY \(codes[a] ?? "000000")", id: "ver-\(i)@example.in")
    })
    try CareDeskBinary.run(["ingest", "--data", data.path, "--now", now, verification.path], environment: environment)
    return addresses
}
