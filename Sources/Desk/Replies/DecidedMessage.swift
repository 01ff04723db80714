import Clinic
import Commands
import Foundation
import Mail

/// A message whose commands have been decided, waiting to be written up. Holds only values, so the reply
/// can be written on another thread while the next messages are decided.
struct DecidedMessage: Sendable {
    enum Line: Sendable {
        case outcome(Outcome)
        case problem(CommandProblem)
        case unrecognised
        /// What the envelope stage made of a line: held for CONFIRM, confirmed, refused.
        case desk(DeskLine)
    }

    let mail: InboundMessage
    let recipient: MailAddress
    /// The sender's name, when the desk knows one (the templates greet them without one otherwise).
    let greeting: String?
    let lines: [(text: String, line: Line)]
    let fromSubject: Bool
    let gaveUp: Bool
    /// Set when the message held more command lines than are read: the number read.
    let cutAt: Int?
    let anyCommand: Bool
    let events: [ClinicEvent]
    /// Notices to patients the commands caused (a day cancelled, a broadcast), sent in the same commit.
    var notices: [AddressedNotice] = []
    /// Notices about requests to join as a doctor (to the desk, or to the applicant).
    var letters: [JoiningLetter] = []
    /// How the message came, and so how it is answered.
    var channel: Sender.Channel = .email
    /// Notices by SMS, to patients with a phone number and no mail address.
    var texts: [TextedNotice] = []
    /// Event webhooks its commands caused (a booking, a cancellation, a move), queued in the same commit.
    var calls: [OutboxMessage] = []
    /// Commands this message held for CONFIRM (or holds it changed), and holds it ended.
    var held: [HeldCommands] = []
    var released: [String] = []
    /// Patients this message erased (FORGET ME, ERASE), and the traces of them the desk drops with them.
    var erased: [ErasedPatient] = []
    var forgotOutbox: [String] = []
    var deliverableAgain: [String] = []
    var optedIn: [String] = []
    /// The message's mark on its sender's hourly allowance.
    var counted: AllowanceMark?
    /// The language of the reply: the sender's (LANG, as the message left it), else the clinic's.
    var language: Language = .en
    /// Whether the reply may carry doctors' photos: only to a registered patient or the clinic's own people.
    var showsPhotos = false
    /// For MY DATA: what the patient turned off, as the desk knows it.
    var consents: PatientDataFile.Consents?
    /// What the audit trail keeps of the message, gathered while deciding.
    var audit: AuditEntry?
    /// For AUDIT <patient>: the trail's lines about each patient asked for, as written, read while deciding.
    var auditTrails: [String: [Data]] = [:]

    /// The reply as it will be sent: the transcript rendered from the templates as text and as HTML, in one
    /// RFC 5322 message (multipart/alternative); and its text. Never over `largestReply`: past it, the
    /// doctors' photos go first, then the longest answers give way to a line saying they were left out.
    func reply(templates: ReplyTemplates, format: ClinicFormat, photos: PhotoFolder? = nil, now: Int64) -> (OutboxMessage, text: String) {
        let (templates, format) = templates.speaking(language, format)
        if channel == .sms { return smsReply(templates: templates, format: format, now: now) }
        var made = composed(templates: templates, format: format, photos: showsPhotos ? photos : nil, lineBudget: .max, now: now)
        var budget = Self.largestReply
        while made.0.data.utf8.count > Self.largestReply, budget >= Self.largestReply / 16 {
            made = composed(templates: templates, format: format, photos: nil, lineBudget: budget, now: now)
            budget /= 2
        }
        return made
    }

    /// The most a mail reply may be as sent: headers, both bodies, attachments and their encodings.
    static let largestReply = 256 * 1024

    private func composed(templates: ReplyTemplates, format: ClinicFormat, photos: PhotoFolder?, lineBudget: Int,
                          now: Int64) -> (OutboxMessage, text: String) {
        let bodies = bodies(templates: templates, format: format, withPhotos: photos != nil, lineBudget: lineBudget, now: now)
        let outcomes = lines.compactMap { if case .outcome(let outcome) = $0.line { outcome } else { nil } }
        let invites = AppointmentInvites.attachments(for: outcomes, format: format, recipient: recipient, now: now)
            + outcomes.compactMap { outcome -> Attachment? in
                switch outcome {
                case .earningsReport(let report):
                    return Attachment(filename: "earnings-\(report.doctorID)-\(report.month.iso).csv", contentType: "text/csv",
                                      data: Data(report.csv(format).utf8))
                case .monthReport(let report):
                    return Attachment(filename: "report-\(report.month.iso).csv", contentType: "text/csv", data: Data(report.csv(format).utf8))
                case .patientData(let record):
                    return PatientDataFile.attachment(record, consents: consents, format: format, photos: photos, now: now)
                case .auditTrail(let id):
                    let lines = auditTrails[id] ?? []
                    return Attachment(filename: "audit-\(id).jsonl", contentType: "application/x-ndjson",
                                      data: lines.reduce(into: Data()) { $0 += $1 + [UInt8(ascii: "\n")] })
                default:
                    return nil
                }
            }
        let message = ReplyComposer(clinic: format.info, language: format.language).reply(to: mail, recipient: recipient, text: bodies.text, html: bodies.html,
                                                               attachments: invites, inlineImages: photos.map { inlinePhotos(outcomes, from: $0, format: format) } ?? [],
                                                               now: now)
        return (message, bodies.text)
    }

    /// The photos of the doctors a DOCTOR line shows, for the HTML reply to show inline; a file that cannot be
    /// read is left out (the text still says a photo is on file).
    private func inlinePhotos(_ outcomes: [Outcome], from photos: PhotoFolder, format: ClinicFormat) -> [InlineImage] {
        var seen = Set<String>()
        return outcomes.compactMap { outcome -> InlineImage? in
            guard case .doctorDetail(let doctor) = outcome, let photo = doctor.photo, seen.insert(doctor.id).inserted else { return nil }
            let file = photos.file(ownerID: doctor.id, kind: photo.kind)
            guard let data = try? Data(contentsOf: file) else { return nil }
            return InlineImage(contentID: format.photoContentID(doctor.id), contentType: photo.kind == .jpeg ? "image/jpeg" : "image/png",
                               filename: "\(doctor.id).\(photo.kind.fileExtension)", data: data)
        }
    }

    /// The notices to other people, as they will be sent.
    func noticeMessages(templates: ReplyTemplates, format: ClinicFormat, now: Int64) -> [OutboxMessage] {
        notices.map { $0.message(templates: templates, format: format, now: now) }
            + letters.map { $0.message(templates: templates, format: format, now: now) }
            + texts.map { $0.message(templates: templates, format: format, now: now) }
    }

    /// The reply's text and HTML. `withPhotos` false: no line points at an inline photo. Past `lineBudget`
    /// bytes of answers (both forms), the longest give way to the left-out line, longest first.
    func bodies(templates: ReplyTemplates, format: ClinicFormat, withPhotos: Bool = true, lineBudget: Int = .max, now: Int64) -> ReplyBodies {
        let (templates, format) = templates.speaking(language, format)
        var transcript = TranscriptReply(fromSubject: fromSubject, gaveUp: gaveUp, cutAt: cutAt, anyCommand: anyCommand)
        transcript.lines.reserveCapacity(lines.count)
        var total = 0
        for (text, line) in lines {
            let result: ReplyBodies
            switch line {
            case .outcome(let outcome):
                var (name, fields) = outcome.template(format)
                if !withPhotos { fields[.photoID] = nil }
                if case .auditTrail(let id) = outcome { fields[.count] = .number(auditTrails[id]?.count ?? 0) }
                result = templates.render(name, fields)
            case .problem(let problem):
                result = templates.render(.problem, problem.fields(format))
            case .unrecognised:
                result = templates.render(.unrecognised, [:])
            case .desk(let line):
                let (name, fields) = line.template(format)
                result = templates.render(name, fields)
            }
            total += result.byteCount
            transcript.lines.append((text, result))
        }
        if total > lineBudget {
            let leftOut = templates.render(.leftOut, [.kilobytes: .number(Self.largestReply / 1024)])
            let longest = transcript.lines.indices.sorted { transcript.lines[$0].result.byteCount > transcript.lines[$1].result.byteCount }
            for i in longest where total > lineBudget && transcript.lines[i].result.byteCount > leftOut.byteCount {
                total -= transcript.lines[i].result.byteCount - leftOut.byteCount
                transcript.lines[i].result = leftOut
            }
        }
        return transcript.render(templates, greeting: greeting, format: format, now: now)
    }
}
