import Foundation
import Testing

/// A message acts only for the person it really comes from. Through the built binary, each checked
/// against the store afterwards: forged staff mail changes nothing and the real address is asked to
/// CONFIRM; a CONFIRM from it carries the command out once; mail the clinic's own server authenticated
/// goes ahead at once; another server's verdict, two authors and a look-alike address act for nobody.
@Suite struct TrustTests {
    static let now = "2026-03-02T09:00:00+05:30"

    /// A clinic with two verified patients, each booked with Dr Rao on Tuesday.
    private func bookedClinic() throws -> (root: URL, data: URL) {
        let (root, data) = try sampleClinicFolder("trust")
        let patients = try registerPatients(count: 2, data: data, root: root, now: Self.now)
        for (i, patient) in patients.enumerated() {
            _ = try ingestOne(data, root: root, from: patient, body: "BOOK Dr Rao Tue \(["10:00", "11:00"][i])")
        }
        #expect(try activeOnTuesday(data) == 2)
        return (root, data)
    }

    private func activeOnTuesday(_ data: URL) throws -> Int {
        let run = try CareDeskBinary.run(["show", "--data", data.path, "appointments", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: String]] ?? []
        return rows.filter { ($0["start"] ?? "").hasPrefix("2026-03-03") && $0["status"] == "confirmed" }.count
    }

    /// Ingests one raw message and returns the transcript.
    private func ingest(_ raw: String, data: URL, root: URL) throws -> String {
        let maildir = root.appendingPathComponent("in-\(UUID().uuidString.prefix(8))")
        try makeMaildir(at: maildir, messages: [raw])
        let run = try CareDeskBinary.run(["ingest", "--data", data.path, "--now", Self.now, "--transcript", maildir.path])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    private func confirmCode(in transcript: String) -> String? {
        transcript.range(of: #"CONFIRM [0-9]{6}"#, options: .regularExpression).map { String(transcript[$0].dropFirst(8)) }
    }

    @Test func aForgedDeskBroadcastCancelWaitsForTheRealDesk() throws {
        let (root, data) = try bookedClinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let forged = mail(from: "desk@kanchicare.example", subject: "notice", body: "BROADCAST CANCEL ALL Tue", id: "forged-1@x.example",
                          authenticated: false)
        let held = try ingest(forged, data: data, root: root)
        #expect(held.contains("Not done yet"))
        let code = try #require(confirmCode(in: held))
        #expect(try activeOnTuesday(data) == 2)
        // The answer, code and all, goes to the desk's own mailbox, never to the forger.
        let answer = try #require(files(in: data.appendingPathComponent("outgoing/new")).map { try String(contentsOf: $0, encoding: .utf8) }
            .first { $0.contains("CONFIRM \(code)") })
        #expect(answer.contains("\nTo: desk@kanchicare.example"))

        let confirmed = try ingest(mail(from: "desk@kanchicare.example", subject: "Re: notice", body: "CONFIRM \(code)", id: "confirm-1@x.example",
                                        authenticated: false), data: data, root: root)
        #expect(confirmed.contains("Confirmed: carrying out what you wrote"))
        #expect(try activeOnTuesday(data) == 0)

        let again = try ingest(mail(from: "desk@kanchicare.example", subject: "Re: notice", body: "CONFIRM \(code)", id: "confirm-2@x.example",
                                    authenticated: false), data: data, root: root)
        #expect(again.contains("Nothing from this address is waiting for that code"))
    }

    @Test func aForgedDoctorsCancelDayWithAWrongCodeChangesNothing() throws {
        let (root, data) = try bookedClinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let held = try ingest(mail(from: "rao@kanchicare.example", subject: "off", body: "CANCEL DAY Tue", id: "forged-2@x.example",
                                   authenticated: false), data: data, root: root)
        let code = try #require(confirmCode(in: held))
        let wrong = code == "000000" ? "111111" : "000000"
        let refused = try ingest(mail(from: "rao@kanchicare.example", subject: "Re: off", body: "CONFIRM \(wrong)", id: "guess-1@x.example",
                                      authenticated: false), data: data, root: root)
        #expect(refused.contains("That is not the code we sent. 4 attempt(s) left."))
        // A CONFIRM from another address, with the right code, is nobody's confirmation.
        let other = try ingest(mail(from: "attacker@evil.example", subject: "x", body: "CONFIRM \(code)", id: "guess-2@x.example",
                                    authenticated: false), data: data, root: root)
        #expect(other.contains("Nothing from this address is waiting"))
        #expect(try activeOnTuesday(data) == 2)
    }

    @Test func mailTheClinicsServerAuthenticatedGoesAheadAtOnce() throws {
        let (root, data) = try bookedClinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let done = try ingest(mail(from: "rao@kanchicare.example", subject: "off", body: "CANCEL DAY Tue", id: "real-1@kanchicare.example"),
                              data: data, root: root)
        #expect(!done.contains("Not done yet"))
        #expect(try activeOnTuesday(data) == 0)
    }

    @Test func anotherServersVerdictCountsForNothing() throws {
        let (root, data) = try bookedClinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let foreign = "Authentication-Results: mx.attacker.example; dkim=pass header.d=kanchicare.example; dmarc=pass header.from=kanchicare.example\n"
        let held = try ingest(foreign + mail(from: "desk@kanchicare.example", subject: "notice", body: "BROADCAST CANCEL ALL Tue",
                                             id: "forged-3@x.example", authenticated: false), data: data, root: root)
        #expect(held.contains("Not done yet"))
        // Below the clinic's own (failing) verdict, a passing one written by someone upstream is not read either.
        let failing = "Authentication-Results: \(testAuthservID); dmarc=fail header.from=kanchicare.example\n"
            + "Authentication-Results: \(testAuthservID); dmarc=pass header.from=kanchicare.example\n"
        let stillHeld = try ingest(failing + mail(from: "desk@kanchicare.example", subject: "notice", body: "BROADCAST CANCEL ALL Tue",
                                                  id: "forged-4@x.example", authenticated: false), data: data, root: root)
        #expect(stillHeld.contains("Not done yet"))
        #expect(try activeOnTuesday(data) == 2)
    }

    @Test func twoAuthorsActForNobody() throws {
        let (root, data) = try bookedClinic()
        defer { try? FileManager.default.removeItem(at: root) }
        let twoFields = mail(from: "desk@kanchicare.example", subject: "notice", body: "BROADCAST CANCEL ALL Tue", id: "two-1@x.example")
            .replacingOccurrences(of: "From: desk@kanchicare.example\n", with: "From: desk@kanchicare.example\nFrom: someone@else.example\n")
        #expect(try ingest(twoFields, data: data, root: root).contains("this message names 2 senders"))
        let twoMailboxes = mail(from: "desk@kanchicare.example, someone@else.example", subject: "notice", body: "BROADCAST CANCEL ALL Tue",
                                id: "two-2@x.example")
        #expect(try ingest(twoMailboxes, data: data, root: root).contains("this message names 2 senders"))
        #expect(try activeOnTuesday(data) == 2)
    }

    @Test func aLookAlikeOfTheDesksAddressIsNotTheDesk() throws {
        let (root, data) = try bookedClinic()
        defer { try? FileManager.default.removeItem(at: root) }
        // KELVIN SIGN for the k: Unicode lower-cases it to "k"; the desk compares ASCII only.
        let lookAlike = "des\u{212A}@kanchicare.example"
        let answer = try ingest(mail(from: lookAlike, subject: "notice", body: "BROADCAST CANCEL ALL Tue", id: "kelvin-1@x.example"),
                                data: data, root: root)
        #expect(answer.contains("is for the front desk"))
        #expect(try activeOnTuesday(data) == 2)
    }
}
