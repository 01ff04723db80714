import Testing
@testable import Mail

/// RFC 8601 Authentication-Results as OpenDMARC, rspamd and hand-written forgeries write them.
struct AuthenticationResultsTests {
    @Test func openDMARCAndOpenDKIM() throws {
        let field = """
            mx.kanchicare.example; spf=pass (sender SPF authorized) smtp.mailfrom=example.in; \
            dkim=pass (2048-bit key; unprotected) header.d=example.in header.i=@example.in header.b="Abc;def"; \
            dmarc=pass (p=reject dis=none) header.from=example.in
            """
        let results = try #require(AuthenticationResults.parse(field))
        #expect(results.authservID == "mx.kanchicare.example")
        #expect(results.results.map(\.method) == ["spf", "dkim", "dmarc"])
        #expect(results.results[1].properties["header.d"] == "example.in")
        #expect(results.results[1].properties["header.b"] == "Abc;def")  // a quoted ";" splits nothing
        #expect(results.results[2].result == "pass" && results.results[2].properties["header.from"] == "example.in")
    }

    @Test func rspamdWithAVersionSpacesAndCapitals() throws {
        let results = try #require(AuthenticationResults.parse("MX.KanchiCare.Example 1; DKIM = PASS header.d=Example.IN;\n\tdmarc=fail (policy=reject) header.from=example.in"))
        #expect(results.authservID == "mx.kanchicare.example")
        #expect(results.results.map(\.result) == ["pass", "fail"])
        #expect(results.results[0].method == "dkim")
    }

    @Test func commentsNestAndHideNothing() throws {
        let results = try #require(AuthenticationResults.parse("mx.kanchicare.example (our (own) server); dmarc=pass (a; comment) header.from=x.example"))
        #expect(results.results.count == 1)
        #expect(results.results[0].properties["header.from"] == "x.example")
    }

    @Test func noResultAndGarbage() {
        #expect(AuthenticationResults.parse("mx.kanchicare.example; none")?.results.isEmpty == true)
        #expect(AuthenticationResults.parse("") == nil)
        #expect(AuthenticationResults.parse("   ;;; dmarc=pass")?.authservID == nil)
    }

    @Test func severalFromMailboxesAreCounted() {
        #expect(MailMessage.parse("From: a@x.example\nSubject: s\n\nbody").fromMailboxes == 1)
        #expect(MailMessage.parse("From: \"Rao, Suresh\" <rao@x.example>\n\nbody").fromMailboxes == 1)
        #expect(MailMessage.parse("From: a@x.example, b@y.example\n\nbody").fromMailboxes == 2)
        #expect(MailMessage.parse("From: a@x.example\nFrom: b@y.example\n\nbody").fromMailboxes == 2)
    }
}
