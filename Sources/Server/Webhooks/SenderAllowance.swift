/// How many messages each sender has sent within the last hour, in memory: a sender past the limit gets
/// one polite answer, then nothing is read until the hour since their earliest counted message has passed.
/// A restart forgets the counts (the limit guards against floods, not against a patient).
actor SenderAllowance {
    enum Admission: Equatable {
        case welcome
        /// The first message over the limit: answer it once, saying when messages are read again.
        case tooMany(until: Int64)
        /// Further messages within the same hour: not read, not answered.
        case ignored
    }

    private struct Window {
        var times: [Int64] = []
        var warned = false
    }

    let limit: Int
    let seconds: Int64
    private var windows: [String: Window] = [:]

    init(limit: Int, seconds: Int64 = 3600) {
        self.limit = limit
        self.seconds = seconds
    }

    func admit(_ sender: String, at now: Int64) -> Admission {
        if windows.count > 50_000 { forgetQuiet(now: now) }
        var window = windows[sender] ?? Window()
        window.times.removeAll { $0 <= now - seconds }
        if window.times.isEmpty { window.warned = false }
        defer { windows[sender] = window }
        guard window.times.count >= limit else {
            window.times.append(now)
            return .welcome
        }
        if window.warned { return .ignored }
        window.warned = true
        return .tooMany(until: window.times[0] + seconds)
    }

    /// Drops senders with nothing in the last hour, so the map holds only the recent ones.
    private func forgetQuiet(now: Int64) {
        windows = windows.filter { $0.value.times.contains { $0 > now - seconds } }
    }
}
