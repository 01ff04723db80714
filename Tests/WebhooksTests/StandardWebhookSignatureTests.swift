import Foundation
import Testing
import Webhooks

/// The Standard Webhooks libraries' signing example: this secret, id,
/// timestamp and body sign to "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=".
struct StandardWebhookSignatureTests {
    let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
    let id = "msg_p5jXN8AQM9LWM0D4loKWxJek"
    let timestamp = 1_614_265_330
    let body = Data(#"{"test": 2432232314}"#.utf8)
    let published = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    var sent: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }

    @Test func signsThePublishedExample() throws {
        #expect(try StandardWebhookSignature(secret: secret).sign(id: id, timestamp: timestamp, body: body) == published)
        let bare = String(secret.dropFirst("whsec_".count))
        #expect(try StandardWebhookSignature(secret: bare).sign(id: id, timestamp: timestamp, body: body) == published)
    }

    @Test func verifiesThePublishedExampleWithinTolerance() throws {
        let signer = try StandardWebhookSignature(secret: secret)
        for offset in [0.0, -299, 299, 300, -300] {
            try signer.verify(
                id: id, timestamp: String(timestamp), signatureHeader: published, body: body,
                now: sent.addingTimeInterval(offset))
        }
    }

    @Test func rejectsTimestampsOutsideTheTolerance() throws {
        let signer = try StandardWebhookSignature(secret: secret)
        for (offset, message) in [(301.0, "too old"), (-301, "in the future"), (86_400, "too old")] {
            #expect {
                try signer.verify(
                    id: id, timestamp: String(timestamp), signatureHeader: published, body: body,
                    now: sent.addingTimeInterval(offset))
            } throws: { error in
                let error = error as? StandardWebhookError
                return error?.isStale == true && error?.description.contains(message) == true
            }
        }
        #expect(throws: Never.self) {
            try signer.verify(
                id: id, timestamp: String(timestamp), signatureHeader: published, body: body,
                now: sent.addingTimeInterval(3_000), tolerance: 3_600)
        }
    }

    @Test func acceptsAnyMatchingEntryInTheList() throws {
        let signer = try StandardWebhookSignature(secret: secret)
        let header = "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc= v2,\(published.dropFirst(3)) \(published)  v1a,xyz v1,"
        try signer.verify(id: id, timestamp: String(timestamp), signatureHeader: header, body: body, now: sent)
    }

    @Test func rejectsOtherSignaturesBodiesIdsAndSecrets() throws {
        let signer = try StandardWebhookSignature(secret: secret)
        let cases: [(String, String, Data)] = [
            (id, "v1,Ceo5qEr07ixe2NLpvHk3FH9bwy/WavXrAFQ/9tdO6mc=", body),
            (id, "v2," + published.dropFirst(3), body),
            (id, String(published.dropFirst(3)), body),
            (id, published, Data(#"{"test": 2432232315}"#.utf8)),
            ("msg_other", published, body),
        ]
        for (id, header, body) in cases {
            #expect {
                try signer.verify(id: id, timestamp: String(timestamp), signatureHeader: header, body: body, now: sent)
            } throws: { error in
                (error as? StandardWebhookError)?.isSignatureMismatch == true
            }
        }
        let other = try StandardWebhookSignature(secret: "whsec_" + Data("another secret".utf8).base64EncodedString())
        #expect(throws: StandardWebhookError.self) {
            try other.verify(id: id, timestamp: String(timestamp), signatureHeader: published, body: body, now: sent)
        }
    }

    @Test func rejectsMissingHeadersAndNonNumericTimestamps() throws {
        let signer = try StandardWebhookSignature(secret: secret)
        let stamp = String(timestamp)
        let attempts: [(String?, String?, String?, String)] = [
            (nil, stamp, published, "webhook-id header is missing"),
            ("", stamp, published, "webhook-id header is missing"),
            (id, nil, published, "webhook-timestamp header is missing"),
            (id, stamp, nil, "webhook-signature header is missing"),
            (id, "1614265330.0", published, "not whole seconds"),
            (id, "+1614265330", published, "not whole seconds"),
            (id, " 1614265330", published, "not whole seconds"),
            (id, "16142653300000000000", published, "not whole seconds"),
            (id, "yesterday", published, "not whole seconds"),
        ]
        for (id, timestamp, header, message) in attempts {
            #expect {
                try signer.verify(id: id, timestamp: timestamp, signatureHeader: header, body: body, now: sent)
            } throws: { error in
                "\(error)".contains(message)
            }
        }
    }

    @Test(arguments: ["", "whsec_", "whsec_not base64!", "%%%"])
    func refusesUnusableSecrets(secret: String) {
        #expect(throws: StandardWebhookError.self) { try StandardWebhookSignature(secret: secret) }
    }

    @Test func signAndVerifyRoundTrip() throws {
        let signer = try StandardWebhookSignature(secret: "whsec_" + Data((0..<24).map { UInt8($0) }).base64EncodedString())
        let body = Data(#"{"type":"appointment.booked","data":{"ref":"A7K2Q"}}"#.utf8)
        let header = signer.sign(id: "evt_1", timestamp: 1_700_000_000, body: body)
        #expect(header.hasPrefix("v1,"))
        try signer.verify(
            id: "evt_1", timestamp: "1700000000", signatureHeader: header, body: body,
            now: Date(timeIntervalSince1970: 1_700_000_010))
    }

    /// Found by fuzzing (Tests/Fuzz, target webhooks): entries are space-separated bytes. A combining mark after
    /// the space made one Character of the two, so the entries before and after it were read as one.
    @Test func entrySeparatorsAreBytesNotCharacters() throws {
        let signer = try StandardWebhookSignature(secret: secret)
        for junk in ["\u{600}", "x\u{200D}", "v1,abc=\u{301}"] {
            try signer.verify(id: id, timestamp: String(timestamp), signatureHeader: junk + " " + published, body: body, now: sent)
        }
        try signer.verify(id: id, timestamp: String(timestamp), signatureHeader: published + " \u{301}x", body: body, now: sent)
    }
}
