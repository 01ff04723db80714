import Foundation
import Testing
import Webhooks

/// Stripe-Signature as Stripe documents it: `t=<seconds>,v1=<hex HMAC-SHA256 of "t.body">`, any of several
/// v1 values, 300 s either way. The expected signature was computed with Python's hmac module.
struct StripeSignatureTests {
    let secret = "whsec_test_secret"
    let timestamp = 1_614_265_330
    let body = Data(#"{"id":"evt_1","type":"payment_intent.succeeded"}"#.utf8)
    let expected = "f60156f07d9fcede64d2d4c42b7e1f12f459a2e0c0c293d0bd7f817fbc59ecf6"
    var sent: Date { Date(timeIntervalSince1970: TimeInterval(timestamp)) }

    @Test func signsAsStripeDoes() throws {
        #expect(try StripeSignature(secret: secret).sign(timestamp: timestamp, body: body) == "t=\(timestamp),v1=\(expected)")
    }

    @Test func acceptsAnyOfSeveralV1WithinTheTolerance() throws {
        let signer = try StripeSignature(secret: secret)
        let other = String(repeating: "ab", count: 32)
        for header in ["t=\(timestamp),v1=\(expected)", "t=\(timestamp),v1=\(other),v1=\(expected),v0=\(other)",
                       "t=\(timestamp), v1=\(expected.uppercased())"] {
            for offset in [0.0, 300, -300] {
                try signer.verify(header: header, body: body, now: sent.addingTimeInterval(offset))
            }
        }
    }

    /// A delivery localstripe 1.15.10 signed (a balance.available event, secret whsec_test), byte for byte.
    @Test func verifiesWhatLocalstripeSent() throws {
        let body = try #require(Data(base64Encoded: "ewogICJhcGlfdmVyc2lvbiI6ICIyMDE3LTA4LTE1IiwKICAiY3JlYXRlZCI6IDE3OTYxNzM0MDEsCiAgImRhdGEiOiB7CiAgICAib2JqZWN0IjogewogICAgICAiYXZhaWxhYmxlIjogewogICAgICAgICJhbW91bnQiOiAyMDAwLAogICAgICAgICJjdXJyZW5jeSI6ICJldXIiLAogICAgICAgICJzb3VyY2VfdHlwZXMiOiB7CiAgICAgICAgICAiY2FyZCI6IDIwMDAKICAgICAgICB9CiAgICAgIH0sCiAgICAgICJsaXZlbW9kZSI6IGZhbHNlLAogICAgICAicGVuZGluZyI6IHsKICAgICAgICAiYW1vdW50IjogMCwKICAgICAgICAiY3VycmVuY3kiOiAiZXVyIiwKICAgICAgICAic291cmNlX3R5cGVzIjogewogICAgICAgICAgImNhcmQiOiAwCiAgICAgICAgfQogICAgICB9CiAgICB9CiAgfSwKICAiaWQiOiAiZXZ0X1E1ekF1VFoyQ3JLaXNWIiwKICAibGl2ZW1vZGUiOiBmYWxzZSwKICAib2JqZWN0IjogImV2ZW50IiwKICAidHlwZSI6ICJiYWxhbmNlLmF2YWlsYWJsZSIKfQ=="))
        let header = "t=1796173401,v1=265e7ab3ec906336b09a8262b4021778fe137c1548e88e0fb900136ece75a6ff"
        try StripeSignature(secret: "whsec_test").verify(header: header, body: body, now: Date(timeIntervalSince1970: 1_796_173_401 + 60))
    }

    @Test func refusesWhatIsForgedStaleOrMalformed() throws {
        let signer = try StripeSignature(secret: secret)
        func reason(_ header: String?, body: Data? = nil, at offset: TimeInterval = 0) -> String? {
            do {
                try signer.verify(header: header, body: body ?? self.body, now: sent.addingTimeInterval(offset))
                return nil
            } catch {
                return error.description
            }
        }
        #expect(reason(nil)?.contains("missing") == true)
        #expect(reason("v1=\(expected)")?.contains("no t=") == true)
        #expect(reason("t=12x,v1=\(expected)")?.contains("no t=") == true)
        #expect(reason("t=\(timestamp),v1=\(expected)", at: 301)?.contains("more than 5 minutes old") == true, "a replay later")
        #expect(reason("t=\(timestamp),v1=\(expected)", at: -301)?.contains("future") == true)
        #expect(reason("t=\(timestamp)")?.contains("no v1=") == true)
        #expect(reason("t=\(timestamp),v0=\(expected)")?.contains("no v1=") == true, "only v1 counts")
        #expect(reason("t=\(timestamp),v1=\(expected)", body: Data(#"{"id":"evt_2"}"#.utf8))?.contains("matches") == true)
        #expect(reason("t=\(timestamp + 1),v1=\(expected)")?.contains("matches") == true, "the timestamp is signed too")
        let wrongKey = try StripeSignature(secret: "whsec_other").sign(timestamp: timestamp, body: body)
        #expect(reason(wrongKey)?.contains("matches") == true)
        #expect(throws: StripeSignatureError.self) { try StripeSignature(secret: "") }
    }

    /// Found by fuzzing (Tests/Fuzz, target webhooks; input in Tests/Fuzz/Regressions/webhooks): items are
    /// comma-separated bytes. A combining mark after the comma made one Character of the two, so the v1 before
    /// it took the next item along and no longer read as hex: a valid signature was refused.
    @Test func itemSeparatorsAreBytesNotCharacters() throws {
        let signer = try StripeSignature(secret: secret)
        for junk in ["\u{595}x", "\u{301}", "\u{615}v0=ab"] {
            try signer.verify(header: "t=\(timestamp),v1=\(expected),\(junk)", body: body, now: sent)
        }
        try signer.verify(header: "\u{600},t=\(timestamp),v1=\(expected)", body: body, now: sent)
    }
}
