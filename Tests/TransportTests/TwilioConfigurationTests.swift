import Testing
import Transport

struct TwilioConfigurationTests {
    private let environment = [
        "CAREDESK_TWILIO_ACCOUNT_SID": "AC0123456789abcdef0123456789abcdef",
        "CAREDESK_TWILIO_AUTH_TOKEN": "s3cret-token",
        "CAREDESK_TWILIO_FROM": "+15550100999",
    ]

    @Test func readsTheEnvironmentWithTheDefaultBaseURL() throws {
        let configuration = try #require(try TwilioConfiguration.fromEnvironment(environment))
        #expect(configuration.baseURL == "https://api.twilio.com")
        #expect(configuration.messagesURL
            == "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json")
        #expect(configuration.from == "+15550100999")
        #expect(configuration.authToken == "s3cret-token")
        #expect(!configuration.description.contains("s3cret"))
    }

    @Test func baseURLFromTheEnvironmentLosesItsTrailingSlash() throws {
        var environment = environment
        environment["CAREDESK_TWILIO_BASE_URL"] = "http://127.0.0.1:8080/"
        let configuration = try #require(try TwilioConfiguration.fromEnvironment(environment))
        #expect(configuration.messagesURL.hasPrefix("http://127.0.0.1:8080/2010-04-01/Accounts/AC"))
    }

    @Test(arguments: ["CAREDESK_TWILIO_ACCOUNT_SID", "CAREDESK_TWILIO_AUTH_TOKEN", "CAREDESK_TWILIO_FROM"])
    func absentWhenAPartIsMissingOrEmpty(name: String) throws {
        var environment = environment
        environment[name] = nil
        #expect(try TwilioConfiguration.fromEnvironment(environment) == nil)
        environment[name] = ""
        #expect(try TwilioConfiguration.fromEnvironment(environment) == nil)
    }

    @Test(arguments: [
        ("http://gateway.example", "https://"),
        ("ftp://api.twilio.com", "https://"),
        ("api.twilio.com", "must look like"),
        ("https://user:pw@api.twilio.com", "must look like"),
        ("https://api.twilio.com?x=1", "must look like"),
    ])
    func refusesUnusableBaseURLs(url: String, message: String) {
        #expect {
            try TwilioConfiguration(baseURL: url, accountSID: "AC1", authToken: "t", from: "+15550100999")
        } throws: { error in
            (error as? TwilioConfigurationError)?.message.contains(message) == true
        }
    }

    @Test func refusesBadSIDsSendersAndTimeouts() {
        #expect(throws: TwilioConfigurationError.self) {
            try TwilioConfiguration(accountSID: "AC1/../x", authToken: "t", from: "+1")
        }
        #expect(throws: TwilioConfigurationError.self) {
            try TwilioConfiguration(accountSID: "AC1", authToken: "t", from: "+1\r\n")
        }
        #expect(throws: TwilioConfigurationError.self) {
            try TwilioConfiguration(accountSID: "AC1", authToken: "t", from: "+1", connectTimeout: 0)
        }
        #expect(throws: Never.self) {
            try TwilioConfiguration(baseURL: "http://localhost:9/", accountSID: "AC1", authToken: "t", from: "CareDesk")
        }
    }
}
