/// How many messages each sender sent within the last hour, kept in the store so that a restart forgets
/// nothing: past the limit a sender gets one polite answer, then nothing is read until the hour since
/// their earliest counted message has passed. Senders are known only by a tag (`SenderTags`), so the
/// store keeps no address for this.
public struct HourlyAllowance: Sendable, Equatable, Codable {
    public static let seconds: Int64 = 3600
    /// Past this many senders, those quiet for an hour are dropped (when the next message is counted).
    static let sendersKeptAtMost = 50_000

    public enum Admission: Sendable, Equatable {
        case welcome
        /// The first message over the limit: answered once, saying when messages are read again.
        case tooMany(until: Int64)
        /// Further messages within the same hour: not read, not answered.
        case ignored
    }

    /// By sender tag.
    public internal(set) var senders: [String: SenderHour] = [:]

    public init(senders: [String: SenderHour] = [:]) { self.senders = senders }

    /// What a message from `tag` at `now` may do, with `limit` messages an hour.
    public func admission(_ tag: String, limit: Int, now: Int64) -> Admission {
        guard let hour = senders[tag] else { return .welcome }
        let recent = hour.times.drop { $0 <= now - Self.seconds }
        guard recent.count >= limit else { return .welcome }
        return hour.warned ? .ignored : .tooMany(until: recent.first! + Self.seconds)
    }

    /// Counts a message, or notes the one answer past the limit.
    public mutating func count(_ mark: AllowanceMark) {
        if senders.count > Self.sendersKeptAtMost {
            senders = senders.filter { $0.value.times.last.map { $0 > mark.at - Self.seconds } ?? false }
        }
        var hour = senders[mark.sender] ?? SenderHour(times: [], warned: false)
        hour.times.removeAll { $0 <= mark.at - Self.seconds }
        if hour.times.isEmpty { hour.warned = false }
        if mark.warned == true { hour.warned = true } else { hour.times.append(mark.at) }
        senders[mark.sender] = hour
    }
}

/// One sender's last hour: when each counted message came, and whether they were told they are over.
public struct SenderHour: Sendable, Codable, Equatable {
    public var times: [Int64]
    public var warned: Bool
}

/// A message's mark on its sender's hour, kept in its journal record so a replay counts it again.
public struct AllowanceMark: Sendable, Codable, Equatable {
    /// The sender's tag (`SenderTags`).
    public var sender: String
    public var at: Int64
    /// Set on the one answer past the limit; that message is not counted.
    public var warned: Bool?

    public init(sender: String, at: Int64, warned: Bool? = nil) {
        self.sender = sender
        self.at = at
        self.warned = warned
    }
}
