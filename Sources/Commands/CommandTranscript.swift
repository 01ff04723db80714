import Clinic

/// What one line said.
public enum LineReading: Sendable, Equatable {
    /// A command, fully resolved.
    case command(Intent)
    /// A command keyword with arguments that could not be resolved.
    case problem(CommandProblem)
    /// The first word is not a command keyword.
    case unrecognised
}

/// One line of a message with its reading.
public struct ReadLine: Sendable, Equatable {
    /// The line as written, trimmed.
    public var text: String
    public var reading: LineReading

    public init(text: String, reading: LineReading) {
        self.text = text
        self.reading = reading
    }
}

/// Everything the reader made of one message, in order: the desk answers each line and echoes it.
public struct CommandTranscript: Sendable, Equatable {
    /// The lines read, in order; blank, `#` and terminator lines are not included.
    public var lines: [ReadLine]
    /// The commands came from the subject line (the body held none).
    public var fromSubject: Bool
    /// Reading stopped after `CommandReader.unrecognisedLimit` unrecognised lines.
    public var gaveUp: Bool
    /// The terminator line that ended reading ("thanks"), as written.
    public var stoppedAt: String?

    public init(lines: [ReadLine], fromSubject: Bool = false, gaveUp: Bool = false, stoppedAt: String? = nil) {
        self.lines = lines
        self.fromSubject = fromSubject
        self.gaveUp = gaveUp
        self.stoppedAt = stoppedAt
    }

    /// At least one line is a command or a problem with one.
    public var hasCommand: Bool {
        lines.contains { $0.reading != .unrecognised }
    }

    /// The intents, in order.
    public var intents: [Intent] {
        lines.compactMap { if case .command(let intent) = $0.reading { intent } else { nil } }
    }
}
