import Testing
@testable import Clinic

/// Addresses compare by ASCII case folding only: a Unicode look-alike never takes a role.
struct LookAlikeAddressTests {
    @Test func capitalsStillMatch() {
        let clinic = SampleClinic.state()
        #expect(clinic.role(of: "DESK@KanchiCare.Example") == .desk)
        #expect(clinic.role(of: "Rao@KANCHICARE.example") == .doctor(id: "rao"))
    }

    @Test(arguments: [
        "des\u{212A}@kanchicare.example",  // KELVIN SIGN, which Unicode lowercases to "k"
        "desk@\u{212A}anchicare.example",
        "r\u{0430}o@kanchicare.example",  // CYRILLIC SMALL LETTER A
        "desk@kanchicare.example\u{200B}",  // ZERO WIDTH SPACE
        "ra\u{1D3C}@kanchicare.example",  // MODIFIER LETTER CAPITAL O
        "RAO@KANCHICARE.EXAMPL\u{0130}",  // LATIN CAPITAL LETTER I WITH DOT ABOVE
    ])
    func aLookAlikeIsAPatient(address: String) {
        #expect(SampleClinic.state().role(of: address) == .patient)
    }

    @Test func foldingTouchesOnlyASCIICapitals() {
        #expect("AbC\u{212A}\u{00C9}@X.ORG".asciiLowercased == "abc\u{212A}\u{00C9}@x.org")
    }

    @Test func comparingFoldsOnlyASCIICapitals() {
        #expect("Desk@KanchiCare.Example".equalsFoldingASCII("desk@kanchicare.example"))
        #expect(!"des\u{212A}@kanchicare.example".equalsFoldingASCII("desk@kanchicare.example"))
        #expect(!"desk@kanchicare.example".equalsFoldingASCII("desk@kanchicare.exampl"), "a prefix is not equal")
        #expect(!"a@b".equalsFoldingASCII("a`b"), "@ and ` differ only in the case bit, and are not letters")
        #expect(!"[x]".equalsFoldingASCII("{x}"))
        #expect("\u{00C9}@x".equalsFoldingASCII("\u{00C9}@X") && !"\u{00C9}@x".equalsFoldingASCII("\u{00E9}@x"))
        for (a, b) in [("RAO@X.ORG", "rao@x.org"), ("ab", "AB"), ("", ""), ("x", "")] {
            #expect(a.equalsFoldingASCII(b) == (a.asciiLowercased == b.asciiLowercased), "\(a) \(b)")
        }
    }
}
