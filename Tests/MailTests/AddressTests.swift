import Foundation
import Mail
import Testing

@Suite("Addresses")
struct AddressTests {
    @Test func nameAndAngleAddress() throws {
        let a = try #require(MailAddress.parse("Anna Müller <Anna.Muller@Example.ORG>"))
        #expect(a.name == "Anna Müller")
        #expect(a.address == "Anna.Muller@example.org")
        #expect(a.localPart == "Anna.Muller")
        #expect(a.domain == "example.org")
    }

    @Test func bareAddress() {
        #expect(MailAddress.parse("a@b.example") == MailAddress(name: nil, address: "a@b.example"))
        #expect(MailAddress.parse("  <a@b.example>  ") == MailAddress(address: "a@b.example"))
    }

    @Test func quotedNameWithComma() {
        let list = MailAddress.parseList("\"Rao, Priya (Dr)\" <priya@clinic.example>, front@clinic.example")
        #expect(list == [MailAddress(name: "Rao, Priya (Dr)", address: "priya@clinic.example"),
                         MailAddress(address: "front@clinic.example")])
        #expect(MailAddress.parse(#""Say \"hi\"" <x@y.example>"#)?.name == "Say \"hi\"")
    }

    @Test func encodedWordNames() {
        #expect(MailAddress.parse("=?ISO-8859-1?Q?Fran=E7ois?= <f@x.example>")?.name == "François")
        #expect(MailAddress.parse("\"=?UTF-8?B?SsO8cmdlbg==?=\" <j@x.example>")?.name == "Jürgen")
        // a decoded name cannot inject structure
        let a = MailAddress.parse("=?UTF-8?Q?Eve_=3Cboss@x.example=3E=2C_z?= <eve@evil.example>")
        #expect(a?.address == "eve@evil.example")
        #expect(a?.name == "Eve <boss@x.example>, z")
    }

    @Test func commentAsName() {
        #expect(MailAddress.parse("MAILER-DAEMON@mx.example (Mail Delivery System)")
            == MailAddress(name: "Mail Delivery System", address: "MAILER-DAEMON@mx.example"))
    }

    @Test func groupsAndRoutes() {
        #expect(MailAddress.parseList("Team: a@x.example, B <b@y.example>;, c@z.example").map(\.address)
            == ["a@x.example", "b@y.example", "c@z.example"])
        #expect(MailAddress.parseList("undisclosed-recipients:;").isEmpty)
        #expect(MailAddress.parse("<@relay.example:user@host.example>")?.address == "user@host.example")
    }

    @Test func invalidInput() {
        for s in ["", "MAILER-DAEMON", "<>", "no at sign", "@domain.example", "local@", "a b@c", "\"unterminated",
                  "<a@b", ",,,", "(((", "\u{0}@\u{0}"] {
            #expect(MailAddress.parse(s) == nil || MailAddress.parse(s)!.address.contains("@"), "\(s)")
        }
        #expect(MailAddress.parse("MAILER-DAEMON") == nil)
        #expect(MailAddress.parse("<>") == nil)
        #expect(MailAddress.parse("local@") == nil)
        #expect(MailAddress.parse("<a@b.example")?.address == "a@b.example")
    }

    @Test func controlCharactersNeverReachTheName() {
        let a = MailAddress(name: "Evil\r\nBcc: x@y", address: "e@VIL.example")
        #expect(a.name == "Evil  Bcc: x@y")
        #expect(a.address == "e@vil.example")
        #expect(MailAddress(name: "  ", address: "a@b").name == nil)
    }

    @Test func codable() throws {
        let a = MailAddress(name: "Zoë", address: "zoe@example.com")
        let back = try JSONDecoder().decode(MailAddress.self, from: JSONEncoder().encode(a))
        #expect(back == a)
    }
}
