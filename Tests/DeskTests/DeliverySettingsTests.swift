import Desk
import Foundation
import Testing

/// `DATA/config.json`: every field optional, the SMTP server's too but its url.
@Suite struct DeliverySettingsTests {
    @Test func anSMTPServerNamedByItsURLAloneTakesTheDefaultTimeouts() throws {
        let settings = try JSONDecoder().decode(DeliverySettings.self, from: Data(#"{"smtp": {"url": "smtp://127.0.0.1:2525"}}"#.utf8))
        #expect(settings.smtp == DeliverySettings.SMTP(url: "smtp://127.0.0.1:2525"))
        #expect(settings.smtp?.connectTimeoutSeconds == 10 && settings.smtp?.transferTimeoutSeconds == 60)
        #expect(settings.claimSeconds == 900)
    }

    @Test func aClaimLeaseIsAtLeastFiveSeconds() throws {
        let settings = try JSONDecoder().decode(DeliverySettings.self, from: Data(#"{"claimSeconds": 1}"#.utf8))
        #expect(settings.claimSeconds == 5)
    }
}
