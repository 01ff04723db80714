import Foundation
import Testing

/// Codes come from the system's randomness, not from anything the sender wrote: the same REGISTER with
/// the same Message-ID, sent to two fresh data folders, gets two different codes.
@Suite struct SecretsTests {
    private func code(for message: String) throws -> String {
        let (root, data) = try sampleClinicFolder("secrets")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("in")
        try makeMaildir(at: maildir, messages: [message])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", "--transcript", maildir.path],
                                         environment: ["CAREDESK_TEST_SEED": ""])
        #expect(run.status == 0, "\(run.stderr)")
        let line = try #require(run.stdout.components(separatedBy: "\n").first { $0.hasPrefix("  VERIFY ") })
        return String(line.dropFirst("  VERIFY ".count))
    }

    @Test func theSameMessageIDGetsDifferentCodesInTwoFreshFolders() throws {
        let message = mail(from: "new.patient@example.in", subject: "register", body: "REGISTER Kavya Raman", id: "same-id@example.in")
        let first = try code(for: message), second = try code(for: message)
        #expect(first.count == 6 && second.count == 6)
        #expect(first != second)  // one chance in a million of a false alarm
    }

    @Test func theFourthRegisterOfADayIsRefused() throws {
        let (root, data) = try sampleClinicFolder("secrets")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("in")
        try makeMaildir(at: maildir, messages: (1...4).map {
            mail(from: "kavya@example.in", subject: "register", body: "REGISTER Kavya Raman", id: "register-\($0)@example.in")
        })
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.components(separatedBy: "  VERIFY ").count - 1 == 3)
        #expect(run.stdout.contains("We have sent this address three codes today already"))
        #expect(try files(in: data.appendingPathComponent("outgoing/new")).filter {
            try String(contentsOf: $0, encoding: .utf8).contains("VERIFY ")
        }.count == 3)
    }

    @Test func predictableCodesNeedAFixedClock() throws {
        let (root, data) = try sampleClinicFolder("secrets")
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try CareDeskBinary.run(["tick", "--data", data.path], environment: ["CAREDESK_TEST_SEED": "0"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("CAREDESK_TEST_SEED makes codes and references predictable"))
    }
}
