import Clinic
import Commands
import Foundation
import Mustache
import Testing
@testable import Desk

/// The replies' own Mustache renderer against swift-mustache, the reference it replaced: every template of
/// Templates/, text and HTML, rendered with the values of every kind of outcome, and a set of templates that
/// probe the layout rules (standalone tags, indentation, comments, pragmas, escaping), must come out the same
/// byte for byte.
@Suite struct TemplateFaithfulnessTests {
    static let templatesFolder = DeskFixture.packageRoot.appendingPathComponent("Templates")

    func reference(_ template: String, _ fields: TemplateFields) throws -> String {
        try MustacheTemplate(string: template).render(fields.anyValue)
    }

    func own(_ template: String, _ fields: TemplateFields) throws -> String {
        try CompiledTemplate(parsing: template).render(fields)
    }

    func file(_ form: String, _ name: TemplateName) throws -> String {
        try String(contentsOf: Self.templatesFolder.appendingPathComponent("\(form)/\(name.rawValue).mustache"), encoding: .utf8)
    }

    @Test(arguments: ["sample", "hostile"])
    func everyOutcomeTemplateRendersAsSwiftMustacheDoes(clinicKind: String) throws {
        let clinic = clinicKind == "sample" ? try OutcomeSamples.sampleClinic() : try OutcomeSamples.hostileClinic()
        let samples = OutcomeSamples.all(in: clinic, patient: clinicKind == "sample" ? "Priya Sharma" : OutcomeSamples.hostilePatient,
                                         reason: clinicKind == "sample" ? "chest pain" : OutcomeSamples.hostileReason)
        var format = ClinicFormat(samples.clinic)
        format.payments = try OnlinePayments(linkSecret: String(repeating: "s", count: 32), publicURL: "https://clinic.example.in/")
        let outcomeNames = Set(TemplateName.allCases).subtracting([.reply, .problem, .unrecognised, .reminder, .failureSummary, .monthEndReport, .bounceNotice,
                                                                                      .cancellationNotice, .broadcastNotice, .contactNotice,
                                                                                      .receiptNotice, .paymentFailedNotice, .holdReleasedNotice, .lateRefundNotice, .slotOfferNotice,
                                                                                      .doctorRequestNotice, .doctorApprovedNotice, .doctorRejectedNotice,
                                                                                      .smsOptOutNotice, .tooMany, .endpointDisabled,
                                                                                      .held, .confirmed, .confirmRefused, .actsForNobody, .tooLarge, .leftOut])
        #expect(samples.templateNames(format) == outcomeNames, "the script reaches every outcome template")
        for outcome in samples.outcomes {
            let (name, fields) = outcome.template(format)
            for form in ["text", "html", "sms"] {
                // SMS forms exist only where the text form is too long or too detailed for a text message.
                if form == "sms", !FileManager.default.fileExists(atPath: Self.templatesFolder.appendingPathComponent("sms/\(name.rawValue).mustache").path) {
                    continue
                }
                let template = try file(form, name)
                #expect(try own(template, fields) == reference(template, fields), "\(form)/\(name.rawValue) for \(outcome)")
            }
        }
        let noticeNames = Set(samples.notices.map { $0.template(format, patientName: "x").name })
        #expect(noticeNames == [.cancellationNotice, .broadcastNotice, .contactNotice, .receiptNotice, .paymentFailedNotice, .holdReleasedNotice,
                                .lateRefundNotice], "the script reaches every patient notice template")
        for notice in samples.notices {
            let (name, fields, _) = notice.template(format, patientName: OutcomeSamples.hostilePatient)
            let hasSMS = FileManager.default.fileExists(atPath: Self.templatesFolder.appendingPathComponent("sms/\(name.rawValue).mustache").path)
            for form in ["text", "html"] + (hasSMS ? ["sms"] : []) {
                let template = try file(form, name)
                #expect(try own(template, fields) == reference(template, fields), "\(form)/\(name.rawValue)")
            }
        }
        let joiningNames = Set(samples.joiningNotices.map { $0.template(format).name })
        #expect(joiningNames == [.doctorRequestNotice, .doctorApprovedNotice, .doctorRejectedNotice], "the script reaches every joining notice")
        for notice in samples.joiningNotices {
            let (name, fields, _) = notice.template(format)
            for form in ["text", "html"] {
                let template = try file(form, name)
                #expect(try own(template, fields) == reference(template, fields), "\(form)/\(name.rawValue)")
            }
        }
    }

    /// The envelope stage's answers: held for CONFIRM, confirmed, a CONFIRM refused, several authors.
    @Test func deskLinesRenderAsSwiftMustacheDoes() throws {
        let format = ClinicFormat(try OutcomeSamples.hostileClinic())
        let lines: [DeskLine] = [.held(code: "012010", expiresAt: DeskFixture.now + 1800), .held(code: nil, expiresAt: DeskFixture.now),
                                 .confirmed(writtenAt: DeskFixture.now), .confirmRefused(.nothingPending),
                                 .confirmRefused(.wrongCode(attemptsLeft: 3)), .confirmRefused(.noAttemptsLeft), .actsForNobody(authors: 2),
                                 .tooLarge(bytes: 52_428_800, limit: 10_485_760)]
        #expect(Set(lines.map { $0.template(format).0 }) == [.held, .confirmed, .confirmRefused, .actsForNobody, .tooLarge])
        let leftOut: [(TemplateName, TemplateFields)] = [
            (.leftOut, [.kilobytes: .number(256)]),
            (.monthEndReport, [.name: .text("Dr <Rao>"), .month: .text("March 2026"), .doctor: .flag(true), .clinic: .text("K & K"),
                               .report: .text("<p>Total: ₹4300</p>")]),
            (.monthEndReport, [.name: .text("K & K desk"), .month: .text("March 2026"), .doctor: .flag(false), .clinic: .text("K & K"),
                               .report: .text("<p>Total: ₹4300</p>")]),
        ]
        for (name, fields) in lines.map({ $0.template(format) }) + leftOut {
            for form in ["text", "html"] {
                let template = try file(form, name)
                #expect(try own(template, fields) == reference(template, fields), "\(form)/\(name.rawValue)")
            }
        }
    }

    @Test func problemsAndTheWholeReplyRenderAsSwiftMustacheDoes() throws {
        let format = ClinicFormat(try OutcomeSamples.hostileClinic())
        let problems = [
            CommandProblem(understood: "BOOK with <Dr> Rao", wrong: "no time & no day", form: "BOOK <doctor> <day> <time> [reason]",
                           example: "BOOK Dr Rao Tue 10:00 chest pain", choices: ["Dr \"Suresh\" Rao", "Dr Meena Iyer"]),
            CommandProblem(understood: nil, wrong: "no doctor given", form: "SLOTS <doctor> [day]", example: "SLOTS Dr Rao Tue"),
        ]
        for problem in problems {
            for form in ["text", "html"] {
                let template = try file(form, .problem)
                #expect(try own(template, problem.fields(format)) == reference(template, problem.fields(format)))
            }
        }
        let result = ReplyBodies(text: "Booked: <b>x</b>\n  & more", html: "<p>Booked: <b>x</b></p>")
        let help = ReplyBodies(text: "HELP <text>", html: "<table><tr><td>HELP</td></tr></table>")
        let transcripts = [
            TranscriptReply(lines: [("BOOK <script>alert(1)</script>", result), ("SLOTS \"&'", result)], fromSubject: true, gaveUp: true,
                            cutAt: 50, anyCommand: true),
            TranscriptReply(lines: [], fromSubject: false, gaveUp: false, cutAt: nil, anyCommand: false),
        ]
        for transcript in transcripts {
            for (form, path) in [("text", \ReplyBodies.text), ("html", \ReplyBodies.html)] {
                let fields = transcript.fields(path, help: transcript.nothingUnderstood ? help : nil, greeting: OutcomeSamples.hostilePatient,
                                               format: format, now: OutcomeSamples.now)
                let template = try file(form, .reply)
                #expect(try own(template, fields) == reference(template, fields), "\(form)/reply")
            }
        }
    }

    static let layouts = [
        "  {{#lines}}\n  > {{command}}\n  {{/lines}}\n",
        "{{#lines}}{{command}}, {{/lines}}\n",
        "a {{! comment }} b\n  {{! standalone }}\nc\n",
        "  {{! comment }}{{name}}\n  {{! comment }}x\n",
        "{{^lines}}empty{{/lines}}{{^appointments}}none{{/appointments}}\n",
        "{{#cutAt}}[{{cutAt}}]{{/cutAt}}{{#reason}}[{{reason}}]{{/reason}}{{#nothing}}yes{{/nothing}}{{^none}}no{{/none}}\n",
        "{{#doctor}}{{name}} / {{day}}{{/doctor}} {{doctor.name}} {{doctor.day}} {{.name}}\n",
        "{{#notes}}\n* {{.}}\n{{/notes}}\n",
        "\t{{#nothing}}\r\nx\r\n\t{{/nothing}}\r\ny\r\n",
        "{{name}} {{{name}}} {{&name}} {{ name }}\n{{% CONTENT_TYPE: TEXT }}\n{{name}}\n",
        "{{#lines}}{{% CONTENT_TYPE: TEXT }}{{command}};{{/lines}}{{name}}\n",
        "  {{name}}  \n  {{#nothing}}  \n  indented\n  {{/nothing}}  \nend",
        "x{{#nothing}}\ny\n{{/nothing}}\nz\n",
        "{{#lines}}\n{{command}}{{/lines}}\nz\n",
        "{{#nothing}}\n  a\n{{/nothing}} after\n{{#nothing}}\nb\n{{/nothing}}",
        "a\n  ",
        "{{#nothing}}\nb\n  {{/nothing}}",
        "  {{! at the end }}",
        "{{#lines}}\n  {{#doctor}}\n    {{command}}={{name}}\n  {{/doctor}}\n{{/lines}}\n",
        "{ {{name}} }} {{! a } b }}\n",
        "{{#fee}}{{fee}}{{/fee}}|{{^fee}}no fee{{/fee}}|{{#free}}{{free}}{{/free}}|{{#day}}{{.}}{{/day}}\n",
    ]

    static let layoutFields: TemplateFields = [
        .name: .text("<b>\"A&B'</b>"), .lines: .list([.fields([.command: .text("one")]), .fields([.command: .text("<two>")])]),
        .appointments: .list([]), .reason: .text(""), .cutAt: .number(0), .nothing: .flag(true), .noneToShow: .flag(false),
        .doctor: .fields([.name: .text("Dr Rao & Co")]), .day: .text("Tue"), .notes: .list([.text("first"), .text("<second>")]),
        .fee: .text("₹800"), .free: .number(3),
    ]

    @Test(arguments: layouts)
    func layoutRulesMatchSwiftMustache(template: String) throws {
        #expect(try own(template, Self.layoutFields) == reference(template, Self.layoutFields))
    }
}

extension TemplateFields {
    /// The same values as swift-mustache takes them: dictionaries, arrays, strings, numbers and booleans.
    var anyValue: [String: Any] {
        var dictionary: [String: Any] = [:]
        for (key, value) in all where dictionary[key.rawValue] == nil { dictionary[key.rawValue] = value.anyValue }
        return dictionary
    }
}

extension TemplateValue {
    var anyValue: Any {
        switch self {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(\.anyValue)
        case .fields(let fields): fields.anyValue
        }
    }
}
