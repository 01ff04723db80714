import TestServers
import Testing
import Transport

struct SMTPConfigurationTests {
    @Test(arguments: ["smtp://127.0.0.1:2525", "smtps://mail.example.com", "SMTP://relay:587/", "smtp://[::1]:25"])
    func acceptsSMTPURLs(url: String) throws {
        _ = try SMTPConfiguration(url: url, requireTLS: false)
    }

    @Test(arguments: [
        ("http://relay:25", "unsupported URL scheme 'http'"),
        ("relay:25", "must look like smtp://"),
        ("smtp://user:pw@relay:25", "no credentials in the SMTP URL"),
        ("smtp://relay:25/path", "names a server only"),
        ("smtp://relay:99999", "bad port"),
        ("smtp://re lay:25", "bad host name"),
        ("smtp://", "bad host name"),
    ])
    func refusesOtherURLs(url: String, message: String) {
        #expect {
            try SMTPConfiguration(url: url, requireTLS: false)
        } throws: { error in
            (error as? SMTPConfigurationError)?.message.contains(message) == true
        }
    }

    @Test func credentialsNeedTLSAndBothParts() {
        #expect(throws: SMTPConfigurationError.self) {
            try SMTPConfiguration(url: "smtp://relay", requireTLS: false, username: "u", password: "p")
        }
        #expect(throws: SMTPConfigurationError.self) {
            try SMTPConfiguration(url: "smtp://relay", requireTLS: true, username: "u")
        }
        #expect(throws: Never.self) {
            try SMTPConfiguration(url: "smtps://relay", requireTLS: false, username: "u", password: "p")
        }
    }

    @Test func refusesBadTimeoutsCAFilesAndHELONames() {
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "smtp://r", connectTimeout: 0) }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "smtp://r", transferTimeout: .nan) }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "smtp://r", caFile: "/no/such/ca.pem") }
        #expect(throws: SMTPConfigurationError.self) { try SMTPConfiguration(url: "smtp://r", heloName: "a b\r\nMAIL") }
        #expect(throws: Never.self) { try SMTPConfiguration(url: "smtp://r", heloName: "desk.clinic.example") }
    }

    @Test func environmentURLWinsOverTheFile() throws {
        let environment = [
            "CAREDESK_SMTP_URL": "smtps://env.example:465",
            "CAREDESK_SMTP_USER": "desk",
            "CAREDESK_SMTP_PASSWORD": "secret",
        ]
        let configuration = try #require(try SMTPConfiguration.fromEnvironment(environment, fileURL: "smtp://file.example"))
        #expect(configuration.url == "smtps://env.example:465")
        #expect(configuration.username == "desk")
        #expect(configuration.password == "secret")
        #expect(configuration.requireTLS)
        #expect(configuration.connectTimeout == 10 && configuration.transferTimeout == 60)
        #expect(!configuration.description.contains("secret"))
    }

    @Test func fileURLWhenTheEnvironmentHasNone() throws {
        let configuration = try SMTPConfiguration.fromEnvironment(
            ["CAREDESK_SMTP_URL": ""], fileURL: "smtp://127.0.0.1:2525", requireTLS: false)
        #expect(configuration?.url == "smtp://127.0.0.1:2525")
        #expect(configuration?.username == nil)
    }

    @Test func nilWhenNeitherGivesAURL() throws {
        #expect(try SMTPConfiguration.fromEnvironment([:], fileURL: nil) == nil)
        #expect(try SMTPConfiguration.fromEnvironment(["CAREDESK_SMTP_USER": "u"], fileURL: "") == nil)
    }

    @Test func invalidEnvironmentURLThrows() {
        #expect(throws: SMTPConfigurationError.self) {
            try SMTPConfiguration.fromEnvironment(["CAREDESK_SMTP_URL": "ftp://x"], fileURL: "smtp://ok")
        }
    }
}
