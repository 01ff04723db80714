/// The templates only SMS replies have, in Templates/sms/ (`NAME.mustache`).
enum SMSTemplateName: String, CaseIterable, Sendable {
    /// The whole SMS reply around each command's short result.
    case reply
    /// The answer to the carrier keyword HELP: who we are, how to opt out, whom to call.
    case keywordHelp = "keyword-help"
    /// START / UNSTOP: SMS will come again.
    case optedIn = "opted-in"
}

/// The web pages `caredesk serve` shows, in Templates/pages/ (`NAME.mustache`).
enum PageTemplateName: String, CaseIterable, Sendable {
    /// `GET /pay/<token>`: an appointment's fee, and the card form.
    case pay
}
