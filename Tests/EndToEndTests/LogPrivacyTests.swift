import Foundation
import Testing

/// No patient names, addresses or reasons in any log line at any level: the demo's whole mailbox, a doctor's
/// month and a failing delivery, run at CAREDESK_LOG_LEVEL=trace, and standard error grepped.
@Suite struct LogPrivacyTests {
    @Test func traceLogsNameNoPatient() throws {
        let (root, data) = try sampleClinicFolder("log-privacy")
        defer { try? FileManager.default.removeItem(at: root) }
        let maildir = root.appendingPathComponent("maildir")
        let samples = CareDeskBinary.packageRoot.appendingPathComponent("Samples/maildir/new")
        try makeMaildir(at: maildir, messages: [])
        for file in files(in: samples) { try FileManager.default.copyItem(at: file, to: maildir.appendingPathComponent("new/\(file.lastPathComponent)")) }
        let mails = try files(in: samples).map { String(decoding: try Data(contentsOf: $0), as: UTF8.self) }
        let trace = ["CAREDESK_LOG_LEVEL": "trace", "CAREDESK_TEST_SEED": "0"]
        var logged = ""
        for arguments in [["ingest", "--data", data.path, "--now", "2026-03-02T09:00:00+05:30", maildir.path],
                          ["ingest", "--data", data.path, "--now", "2026-03-31T21:30:00+05:30",
                           CareDeskBinary.packageRoot.appendingPathComponent("Samples/rao-march.mbox").path],
                          ["tick", "--data", data.path, "--now", "2026-04-01T09:00:00+05:30", "--no-deliver"]] {
            let run = try CareDeskBinary.run(arguments, environment: trace)
            #expect(run.status == 0, "\(run.stderr)")
            logged += run.stderr
        }
        // Delivery to a mail server that is not there: its error is logged, no address with it.
        let deliver = try CareDeskBinary.run(["deliver", "--data", data.path, "--now", "2026-04-01T09:00:00+05:30"],
                                             environment: trace.merging(["CAREDESK_SMTP_URL": "smtp://127.0.0.1:9"]) { $1 })
        logged += deliver.stderr
        #expect(!logged.isEmpty, "trace logs something")
        // Every sender of the demo's mail, by address and by name, and the reasons they gave.
        let needles = mails.flatMap { mail -> [String] in
            guard let from = mail.split(separator: "\n").first(where: { $0.hasPrefix("From:") }) else { return [] }
            let address = from.firstMatch(of: /<([^>]+)>/)?.1 ?? from.firstMatch(of: /([^\s<>]+@[^\s<>]+)/)?.1
            let name = from.dropFirst(5).split(separator: "<").first?.trimmingCharacters(in: .whitespaces)
            return [address.map(String.init), name].compactMap { $0 }.filter { !$0.isEmpty && !$0.contains("=?") && $0.count > 3 && !$0.contains("kanchicare") }
        } + ["chest pain", "fever"]
        for needle in Set(needles) {
            #expect(!logged.contains(needle), "a log line names \(needle)")
        }
    }
}
