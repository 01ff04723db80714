import Foundation
import Testing
@testable import PayLinks

/// Pay-link tokens: what one signs comes back; a changed, foreign, cut or expired token is refused; the
/// token names the appointment and its end, nothing else.
@Suite struct PayLinkTests {
    let secret = "a-link-secret-of-at-least-32-bytes!"
    let now: Int64 = 1_772_422_200

    @Test func aTokenNamesItsAppointmentUntilItExpires() async throws {
        let links = try await PayLinks(secret: secret)
        let token = try PayLinkSigner(secret: secret).token(ref: "A7K2Q", expiresAt: now + 1800)
        #expect(try await links.ref(from: token, now: now) == "A7K2Q")
        #expect(try await links.ref(from: token, now: now + 1799) == "A7K2Q")
        await #expect(throws: PayLinkError.expired) { try await links.ref(from: token, now: now + 1800) }
        // The payload holds the reference and the expiry, and no other field.
        let payload = try #require(Data(base64URL: String(token.split(separator: ".")[1])))
        let fields = try #require(try JSONSerialization.jsonObject(with: payload) as? [String: Any])
        #expect(Set(fields.keys) == ["sub", "exp"], "\(fields)")
    }

    @Test func aChangedForeignOrCutTokenIsRefused() async throws {
        let links = try await PayLinks(secret: secret)
        let token = try PayLinkSigner(secret: secret).token(ref: "A7K2Q", expiresAt: now + 1800)
        let parts = token.split(separator: ".").map(String.init)
        // Another appointment in the payload, the signature kept.
        let forged = #"{"sub":"B8M3R","exp":\#(now + 1800)}"#
        let swapped = [parts[0], Data(forged.utf8).base64URL, parts[2]].joined(separator: ".")
        await #expect(throws: PayLinkError.notOurs) { try await links.ref(from: swapped, now: now) }
        // "alg": "none" and no signature.
        let none = [Data(#"{"alg":"none","typ":"JWT"}"#.utf8).base64URL, parts[1], ""].joined(separator: ".")
        await #expect(throws: PayLinkError.notOurs) { try await links.ref(from: none, now: now) }
        let other = try await PayLinks(secret: String(secret.reversed()))
        await #expect(throws: PayLinkError.notOurs) { try await other.ref(from: token, now: now) }
        for broken in [String(token.dropLast(3)), "", "not-a-token", parts[0] + "." + parts[1], String(repeating: "a", count: 5000)] {
            await #expect(throws: PayLinkError.notOurs) { try await links.ref(from: broken, now: now) }
        }
        await #expect(throws: PayLinkError.weakSecret) { try await PayLinks(secret: "short") }
        #expect(throws: PayLinkError.weakSecret) { try PayLinkSigner(secret: "short") }
    }

    @Test func theSameAppointmentAndExpiryGiveTheSameToken() throws {
        // A replayed reply must name the same link.
        let signer = try PayLinkSigner(secret: secret)
        #expect(signer.token(ref: "A7K2Q", expiresAt: now) == signer.token(ref: "A7K2Q", expiresAt: now))
        #expect(signer.token(ref: "A7K2Q", expiresAt: now) != signer.token(ref: "A7K2Q", expiresAt: now + 1))
    }
}

extension Data {
    init?(base64URL text: String) {
        var plain = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while plain.count % 4 != 0 { plain += "=" }
        self.init(base64Encoded: plain)
    }

    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
