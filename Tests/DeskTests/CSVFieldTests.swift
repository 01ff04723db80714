import Testing
@testable import Desk

/// CSV cells a spreadsheet would run as formulas are made text; RFC 4180 quoting as before.
struct CSVFieldTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x.example\",\"ok\")", "\"'=HYPERLINK(\"\"http://x.example\"\",\"\"ok\"\")\""),
        ("+91 cash", "'+91 cash"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tlead", "'\tlead"),
        ("plain note", "plain note"),
        ("a, b", "\"a, b\""),
        ("", ""),
    ])
    func cells(input: String, expected: String) {
        #expect(CSVField.text(input) == expected)
    }
}
