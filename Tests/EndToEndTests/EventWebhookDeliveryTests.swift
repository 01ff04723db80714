import Foundation
import Testing
import TestServers

/// Event webhooks over real HTTP: `caredesk ingest` books, its delivery pass posts the signed event to a
/// local endpoint; an endpoint answering 410 is switched off and the desk told by mail.
@Suite struct EventWebhookDeliveryTests {
    static let secret = "whsec_" + Data("the hospital information system".utf8).base64EncodedString()

    struct Recorded: Decodable {
        let path: String
        let headers: [String: String]
        let body_base64: String
        let status: Int
    }

    @Test func aBookingIsPostedSignedAndA410EndpointIsSwitchedOff() throws {
        let (root, data) = try sampleClinicFolder("events")
        defer { try? FileManager.default.removeItem(at: root) }
        let record = root.appendingPathComponent("requests.jsonl").path
        let server = try ScriptServer(script: "http-test-server.py", arguments: ["--record", record],
                                      logPath: root.appendingPathComponent("http.log").path)
        defer { server.stop() }
        let config = """
            {"webhooks": [{"url": "http://127.0.0.1:\(server.port)/hooks", "secret": "\(Self.secret)"},
                          {"url": "http://127.0.0.1:\(server.port)/status/410", "secret": "\(Self.secret)"}]}
            """
        try Data(config.utf8).write(to: data.appendingPathComponent("config.json"))
        let now = "2026-03-02T09:00:00+05:30"
        let patient = try registerPatients(count: 1, data: data, root: root, now: now)[0]
        let booked = try ingestOne(data, root: root, from: patient, body: "BOOK Dr Rao Tue 10:00 chest pain", now: now)
        #expect(booked.contains("Booked"), "\(booked)")

        let lines = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        let requests = try lines.map { try JSONDecoder().decode(Recorded.self, from: Data($0.utf8)) }
        let hook = try #require(requests.first { $0.path == "/hooks" })
        let body = try #require(Data(base64Encoded: hook.body_base64))
        let event = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(event["type"] as? String == "appointment.booked")
        #expect(!String(decoding: body, as: UTF8.self).contains("chest"), "no medical details in events")
        let id = try #require(hook.headers["webhook-id"]), timestamp = try #require(hook.headers["webhook-timestamp"])
        let expected = WebhookSigning.standard(id: id, timestamp: try #require(Int64(timestamp)), body: body, secret: Self.secret)
        #expect(hook.headers["webhook-signature"] == expected, "the signature checks out as a Standard Webhooks receiver checks it")
        #expect(requests.filter { $0.path == "/status/410" }.count == 1)

        // The desk was told, and the switched-off endpoint hears nothing of the next booking.
        let told = try files(in: data.appendingPathComponent("outgoing/new")).filter {
            try String(contentsOf: $0, encoding: .utf8).contains("A webhook endpoint was switched off")
        }
        #expect(told.count == 1)
        _ = try ingestOne(data, root: root, from: patient, body: "BOOK Dr Rao Tue 11:00", now: now)
        let after = try String(contentsOfFile: record, encoding: .utf8).split(separator: "\n")
        #expect(after.filter { $0.contains("\"/status/410\"") }.count == 1)
        #expect(after.filter { $0.contains("\"/hooks\"") }.count == 2)
    }
}
