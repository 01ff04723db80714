import Foundation
import Mail
import TestServers

/// The replies that reached the mail server and the SMS gateway, counted against what was owed. A mail reply
/// is known by the desk's own Message-ID: the same Message-ID accepted twice is one reply handed over again
/// (the server was killed after taking it, before the desk heard its 250: at-least-once, by design), while
/// two different Message-IDs answering one message would be a doubled answer. Texts carry no id of the
/// desk's, so they are counted per number; the gateway never loses one it answered 201.
struct SoakTally: CustomStringConvertible {
    var mailReplies = 0
    var texts = 0
    var lost: [String] = []
    var doubled: [String] = []
    var redeliveries = 0
    /// Mail the desk sent on its own (not answers: notices to doctors, say).
    var notices = 0
    /// Replies to nothing this run sent.
    var strays: [String] = []
    var gateway500s = 0

    init(owed: RepliesOwed, mail: [RecordedMessage], calls: [RecordedSMS]) {
        var byKey: [String: [String: Int]] = [:]
        for message in mail {
            let reply = MailMessage.parse(message.data)
            let messageID = reply.header("Message-ID") ?? "(none)"
            let subject = reply.subject
            let key: String?
            if let inReplyTo = reply.header("In-Reply-To") {
                key = inReplyTo
            } else if subject.hasPrefix("Re: soak-json-") {
                key = String(subject.dropFirst("Re: ".count))
            } else {
                key = nil
            }
            guard let key else {
                notices += 1
                continue
            }
            guard owed.mail.contains(key) else {
                strays.append(key)
                continue
            }
            byKey[key, default: [:]][messageID, default: 0] += 1
        }
        for key in owed.mail.sorted() {
            guard let replies = byKey[key] else {
                lost.append(key)
                continue
            }
            mailReplies += 1
            if replies.count > 1 { doubled.append(key) }
            redeliveries += replies.values.reduce(0) { $0 + $1 - 1 }
        }
        var textsTo: [String: Int] = [:]
        for call in calls {
            if call.status == 500 { gateway500s += 1 }
            guard call.status < 300, let to = call.to else { continue }
            textsTo[to, default: 0] += 1
        }
        for (number, got) in textsTo where owed.texts[number] == nil { strays.append("\(number): \(got) texts") }
        for (number, count) in owed.texts.sorted(by: { $0.key < $1.key }) {
            let got = textsTo[number] ?? 0
            texts += min(got, count)
            if got < count { lost.append("\(number): \(count - got) of \(count) texts") }
            if got > count { doubled.append("\(number): \(got) texts for \(count)") }
        }
    }

    var description: String {
        "replies \(mailReplies + texts) (mail \(mailReplies), texts \(texts)), lost \(lost.count), doubled \(doubled.count), "
            + "redeliveries \(redeliveries), notices \(notices), strays \(strays.count)"
    }
}
