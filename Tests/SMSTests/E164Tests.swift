import Testing
import SMS

struct E164Tests {
    @Test(arguments: [
        ("+15550100123", "+15550100123"),
        ("+1 (555) 010-0123", "+15550100123"),
        (" +44 20 7183 8750 ", "+442071838750"),
        ("+91-98765-43210", "+919876543210"),
        ("+12345678", "+12345678"),
        ("+123456789012345", "+123456789012345"),
    ])
    func normalises(text: String, value: String) {
        #expect(E164(text)?.value == value)
        #expect(E164(text)?.description == value)
    }

    @Test(arguments: [
        "15550100123", "+1234567", "+1234567890123456", "+0123456789", "++15550100123", "+1555010012a",
        "+1.555.010.0123", "+١٢٣٤٥٦٧٨٩", "", "+", "tel:+15550100123", "+1555 0100 123 ext 4",
    ])
    func refuses(text: String) {
        #expect(E164(text) == nil)
    }

    @Test func twoSpellingsAreOneNumber() {
        #expect(E164("+1 555 010 0123") == E164("+1-(555)-0100123"))
        #expect(Set([E164("+1 555 010 0123"), E164("+15550100123")]).count == 1)
    }
}
