import Clinic
import Commands
import Foundation
import Mail
import Mustache
import Store
import SyntheticData
import Testing
@testable import Desk

/// A measurement run by hand, not a check: the cost of writing one reply over the bench's mix of messages.
/// Prints figures, asserts no time.
///
///     CAREDESK_REPLY_BENCH=1 swift test -c release --filter ReplySpeedTests
///
/// Each message's reply is written two ways, one after the other, so both see the same machine:
/// - swift-mustache: the text templates rendered by swift-mustache from dictionaries, then a text/plain
///   message, as replies were written before the typed renderer (its dictionaries are converted from the
///   typed values, a little more work than building them directly);
/// - typed: `DecidedMessage.reply` as it is now, text and HTML, composed as multipart/alternative.
/// Times are the thread's CPU time, so other processes on a shared machine weigh less on them.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CAREDESK_REPLY_BENCH"] == "1"))
struct ReplySpeedTests {
    static let now: Int64 = 1_772_422_200

    @Test func writingReplies() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reply-speed-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: folder) }
        let synthetic = SyntheticClinic(doctors: 50, patients: 10_000, appointments: 1_000)
        try synthetic.write(to: folder, now: Self.now)
        var state = try JSONStore<DeskState>(directory: folder).state
        let templatesFolder = DeskFixture.packageRoot.appendingPathComponent("Templates")
        let templates = try ReplyTemplates(directory: templatesFolder)
        let library = try referenceLibrary(templatesFolder.appendingPathComponent("text"))
        let clinic = state.clinic!
        let reader = CommandReader(doctors: clinic.doctors, zone: clinic.zone, dayFirst: clinic.info.dayFirst)
        let decided = synthetic.messages(count: 4_000).map { decide(InboundMessage(raw: Data($0.utf8)), reader: reader, state: &state) }
        let format = ClinicFormat(state.clinic!)

        var figures: [String: [String: [UInt64]]] = [:]
        var htmlBytes = 0
        var messageBytes = (reference: 0, typed: 0)
        for round in 0..<4 {
            for message in decided {
                var text = ""
                var bodies = ReplyBodies(text: "", html: "")
                let measured = [
                    "reference reply": cpuNanos { _ = referenceReply(message, library: library, format: format) },
                    "typed reply": cpuNanos { _ = message.reply(templates: templates, format: format, now: Self.now) },
                    "reference render": cpuNanos { text = referenceText(message, library: library, format: format) },
                    "typed render": cpuNanos { bodies = message.bodies(templates: templates, format: format, now: Self.now) },
                ]
                precondition(text == bodies.text, "both ways write the same text")
                guard round > 0 else { continue }
                htmlBytes += bodies.html.utf8.count
                messageBytes.reference += referenceReply(message, library: library, format: format).data.utf8.count
                messageBytes.typed += message.reply(templates: templates, format: format, now: Self.now).0.data.utf8.count
                for (what, nanos) in measured {
                    figures[what, default: [:]][kind(message), default: []].append(nanos)
                    figures[what, default: [:]]["all", default: []].append(nanos)
                }
            }
        }
        func p50(_ values: [UInt64]) -> Double { Double(values.sorted()[values.count / 2]) / 1000 }
        for (title, old, new) in [("writing the reply (rendering + composing the message)", "reference reply", "typed reply"),
                                  ("rendering the bodies alone", "reference render", "typed render")] {
            print("reply-speed: \(title): swift-mustache, text only → typed, text and HTML")
            for name in figures[new]!.keys.sorted() {
                let (before, after) = (p50(figures[old]![name]!), p50(figures[new]![name]!))
                print("reply-speed:   " + name.padding(toLength: 13, withPad: " ", startingAt: 0)
                      + String(format: "%6d  p50 %7.1f µs → %7.1f µs  %5.2f× cheaper", figures[new]![name]!.count, before, after, before / after))
            }
        }
        let count = decided.count * 3
        print("reply-speed: HTML body \(htmlBytes / count) bytes on average; the whole message \(messageBytes.reference / count) → "
              + "\(messageBytes.typed / count) bytes")
    }

    func cpuNanos(_ body: () -> Void) -> UInt64 {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        return UInt64((end.tv_sec - start.tv_sec) * 1_000_000_000 + (end.tv_nsec - start.tv_nsec))
    }

    func referenceLibrary(_ folder: URL) throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for name in TemplateName.allCases {
            try library.register(String(contentsOf: folder.appendingPathComponent("\(name.rawValue).mustache"), encoding: .utf8), named: name.rawValue)
        }
        return library
    }

    /// The reply as it was written with swift-mustache: text only.
    func referenceReply(_ message: DecidedMessage, library: MustacheLibrary, format: ClinicFormat) -> OutboxMessage {
        let text = referenceText(message, library: library, format: format)
        return ReplyComposer(clinic: format.info).reply(to: message.mail, recipient: message.recipient, text: text, html: nil, now: Self.now)
    }

    func referenceText(_ message: DecidedMessage, library: MustacheLibrary, format: ClinicFormat) -> String {
        func render(_ name: TemplateName, _ fields: TemplateFields) -> String {
            var text = library.render(fields.anyValue, withTemplate: name.rawValue) ?? ""
            while text.last == "\n" || text.last == " " { text.removeLast() }
            return text
        }
        var transcript = TranscriptReply(fromSubject: message.fromSubject, gaveUp: message.gaveUp, cutAt: message.cutAt, anyCommand: message.anyCommand)
        for (text, line) in message.lines {
            let result: String
            switch line {
            case .outcome(let outcome):
                let (name, fields) = outcome.template(format)
                result = render(name, fields)
            case .problem(let problem):
                result = render(.problem, problem.fields(format))
            case .unrecognised:
                result = render(.unrecognised, [:])
            case .desk(let line):
                let (name, fields) = line.template(format)
                result = render(name, fields)
            }
            transcript.lines.append((text, ReplyBodies(text: result, html: "")))
        }
        let help = transcript.nothingUnderstood ? ReplyBodies(text: render(.help, Outcome.help.template(format).fields), html: "") : nil
        return render(.reply, transcript.fields(\.text, help: help, greeting: message.greeting, format: format, now: Self.now)) + "\n"
    }

    /// Decides a message's commands against the state as the desk does, applying their events.
    func decide(_ mail: InboundMessage, reader: CommandReader, state: inout DeskState) -> DecidedMessage {
        let from = mail.message.from!
        let sender = Sender(address: from.address.lowercased(), channel: .email, displayName: from.name)
        let commands = reader.read(lines: ReplyText.authoredLines(mail.message.text), subject: mail.message.subject, now: Self.now)
        var random = SeededGenerator(seed: mail.seed)
        var lines: [(text: String, line: DecidedMessage.Line)] = []
        var events: [ClinicEvent] = []
        for line in commands.lines {
            switch line.reading {
            case .command(let intent):
                let decision = state.clinic!.decide(intent, from: sender, now: Self.now, random: &random)
                state.applyToClinic(decision.events)
                events += decision.events
                lines.append((line.text, .outcome(decision.outcome)))
            case .problem(let problem):
                lines.append((line.text, .problem(problem)))
            case .unrecognised:
                lines.append((line.text, .unrecognised))
            }
        }
        let greeting = state.clinic!.patient(address: sender.address)?.name ?? "there"
        return DecidedMessage(mail: mail, recipient: from, greeting: greeting, lines: lines, fromSubject: commands.fromSubject,
                              gaveUp: commands.gaveUp, cutAt: nil, anyCommand: commands.hasCommand, events: events)
    }

    func kind(_ message: DecidedMessage) -> String {
        guard let first = message.lines.first else { return "no command" }
        switch first.line {
        case .outcome(.booked): return "booked"
        case .outcome(.bookRefused): return "book refused"
        case .outcome(.slots): return "slots"
        case .outcome(.cancelled), .outcome(.cancelChoice), .outcome(.cancelRefused): return "cancel"
        case .outcome: return "other"
        case .problem: return "problem"
        case .unrecognised: return "unrecognised"
        case .desk: return "held or confirmed"
        }
    }
}
