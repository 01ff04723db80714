import Testing
import Transport

struct FormEncodingTests {
    @Test func keepsUnreservedAndEscapesEverythingElse() {
        #expect(FormEncoding.encode([("From", "+15550100999"), ("To", "+15550100123"), ("Body", "Booked: Dr Rao 10:00 & more")])
            == "From=%2B15550100999&To=%2B15550100123&Body=Booked%3A%20Dr%20Rao%2010%3A00%20%26%20more")
        #expect(FormEncoding.encode([("AZaz09-._~", "a=b+c/d?e#f%g")]) == "AZaz09-._~=a%3Db%2Bc%2Fd%3Fe%23f%25g")
    }

    @Test func escapesUTF8BytesAndLineBreaks() {
        #expect(FormEncoding.encode([("x", "€ é\r\n😀")]) == "x=%E2%82%AC%20%C3%A9%0D%0A%F0%9F%98%80")
        #expect(FormEncoding.encode([]) == "")
        #expect(FormEncoding.encode([("", "")]) == "=")
    }
}
