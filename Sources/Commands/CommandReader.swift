import Clinic

/// Reads the commands of one message (email body and subject, or an SMS) into intents.
///
/// Rules: one command per line, case-insensitive, in order. Blank lines and lines starting with `#` are
/// skipped; a terminator line ("thanks", "thank you", "quit", "stop", "--", or a sign-off such as
/// "Regards" or "Thanks, Ravi") ends the commands; reading gives up after `unrecognisedLimit` lines whose
/// first word is not a command keyword. The subject is read only when the body holds no command, after
/// its `Re:`/`Fwd:`/`AW:`... prefixes are removed.
///
/// Built once per clinic (the doctor-name index is made here); reading is a pure function of its inputs.
public struct CommandReader: Sendable {
    public static let unrecognisedLimit = 3

    private let parser: LineParser
    private let zone: ClinicZone

    /// - Parameters:
    ///   - doctors: every doctor of the clinic; inactive ones are recognised so the reply can say they no longer take bookings.
    ///   - zone: the clinic's zone, which makes "today" and "Tue".
    ///   - dayFirst: whether "4/3" is 4 March (true, the default) or April 3.
    public init(doctors: [Doctor], zone: ClinicZone, dayFirst: Bool = true) {
        parser = LineParser(names: DoctorNames(doctors), dayFirst: dayFirst)
        self.zone = zone
    }

    /// - Parameters:
    ///   - lines: the authored body lines (quotes and signature already removed).
    ///   - subject: the decoded subject, prefixes and all.
    ///   - now: seconds since 1970 UTC.
    public func read(lines: [String], subject: String, now: Int64) -> CommandTranscript {
        var clock = ClinicToday(instant: now, zone: zone)
        var tokens: [Token] = []
        var transcript = CommandTranscript(lines: [])
        transcript.lines.reserveCapacity(min(lines.count, 16))
        var unrecognised = 0
        reading: for line in lines {
            switch parser.read(line, clock: &clock, tokens: &tokens) {
            case .skip:
                continue
            case .terminator(let text):
                transcript.stoppedAt = text
                break reading
            case .reading(let text, let reading):
                transcript.lines.append(ReadLine(text: text, reading: reading))
                if reading == .unrecognised {
                    unrecognised += 1
                    if unrecognised >= Self.unrecognisedLimit {
                        transcript.gaveUp = true
                        break reading
                    }
                }
            }
        }
        if !transcript.hasCommand,
           case .reading(let text, let reading) = parser.read(Subject.withoutReplyPrefixes(subject), clock: &clock, tokens: &tokens),
           reading != .unrecognised {
            return CommandTranscript(lines: [ReadLine(text: text, reading: reading)], fromSubject: true)
        }
        return transcript
    }

    /// The same, for a body given as one text (split at LF, CRLF or CR).
    public func read(body: String, subject: String, now: Int64) -> CommandTranscript {
        read(lines: body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init),
             subject: subject, now: now)
    }

    /// One line on its own; nil for a blank, `#` or terminator line.
    public func readLine(_ line: String, now: Int64) -> LineReading? {
        var clock = ClinicToday(instant: now, zone: zone)
        var tokens: [Token] = []
        guard case .reading(_, let reading) = parser.read(line, clock: &clock, tokens: &tokens) else { return nil }
        return reading
    }
}
