import Clinic
import Foundation

extension Desk {
    /// A report the desk's scripts print: the text the desk's mail reply would hold, and its CSV when the
    /// report has figures (nil for "nothing to report" answers).
    public struct PrintedReport: Sendable {
        public let text: String
        public let csv: String?
    }

    /// EARNINGS <doctor> <month>, as the desk would get it by mail. Reads the state; changes nothing.
    public func earningsReport(doctorID: String, month: YearMonth, now: Int64) -> PrintedReport? {
        deskReport(.earnings(month: month, doctorID: doctorID), now: now)
    }

    /// REPORT <month>, as the desk would get it by mail. Reads the state; changes nothing.
    public func monthReport(_ month: YearMonth, now: Int64) -> PrintedReport? {
        deskReport(.monthReport(month), now: now)
    }

    private func deskReport(_ intent: Intent, now: Int64) -> PrintedReport? {
        guard let clinic = state.clinic else { return nil }
        var random = SeededGenerator(seed: 0)
        let decision = clinic.decide(intent, from: Sender(address: clinic.info.deskEmail.asciiLowercased, channel: .email), now: now,
                                     random: &random)
        let format = ClinicFormat(clinic)
        var (name, fields) = decision.outcome.template(format)
        // Printed, not mailed: no CSV file is attached (--csv prints it instead).
        fields[.attached] = nil
        let csv: String? = switch decision.outcome {
        case .earningsReport(let report): report.csv(format)
        case .monthReport(let report): report.csv(format)
        default: nil
        }
        return PrintedReport(text: templates.render(name, fields).text, csv: csv)
    }
}
