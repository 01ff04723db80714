/// What became of one inbound message, for the CLI's transcript and the logs.
public struct HandlingReport: Sendable {
    public enum Result: Sendable, Equatable {
        /// Answered; the reply is in the outbox under this id.
        case answered(replyID: String)
        /// Seen before (same Message-ID or content): nothing done again.
        case duplicate
        /// Deliberately not answered (auto-reply, bounce, list, loop, no sender).
        case silent(reason: String)
    }

    public let key: String
    public let result: Result
    /// The sender's address and subject as read, and the reply's text; for printing by the operator's CLI,
    /// never for logs.
    public let sender: String?
    public let subject: String
    public let replyText: String?
    /// The notices to other people the message caused (a day cancelled, a broadcast), in the outbox under these ids.
    public var noticeIDs: [String] = []
}
