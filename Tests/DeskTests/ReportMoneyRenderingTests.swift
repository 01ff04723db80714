import Clinic
import Foundation
import Mustache
import Testing
@testable import Desk

/// The fees as the reports show them: EARNINGS and REPORT in text, HTML and CSV with what was paid online,
/// in cash and refunded (and, in REPORT, what is outstanding), and no word of fees in a month without any.
@Suite struct ReportMoneyRenderingTests {
    static let march = YearMonth(year: 2026, month: 3)
    /// Sat 14 Mar 2026 09:00 IST.
    static let later = OutcomeSamples.now + 12 * 86_400

    /// Dr Rao's March: Tuesday one visit paid by card, one paid by card, cancelled a day ahead and refunded;
    /// Wednesday one paid in cash; Thursday one not paid; ₹2,500 recorded with EARNING on Monday.
    static func month() throws -> OutcomeSamples {
        var samples = OutcomeSamples(clinic: try OutcomeSamples.sampleClinic())
        samples.clinic.onlinePayments = true
        let patients = ["a@example.in", "b@example.in", "c@example.in", "d@example.in"].map { Sender(address: $0, channel: .email) }
        for (i, patient) in patients.enumerated() { _ = samples.register("Patient \(i)", from: patient, verify: true) }
        let desk = Sender(address: "desk@kanchicare.example", channel: .email)
        let rao = Sender(address: "rao@kanchicare.example", channel: .email)
        func book(_ day: LocalDate, _ hour: Int, _ minute: Int, by patient: Sender) throws -> Appointment {
            samples.decide(.book(doctorID: "rao", day: day, time: TimeOfDay(hour: hour, minute: minute)!, reason: nil), from: patient)
            guard case .bookedWithPayment(let appointment, _) = samples.outcomes.last else { throw RenderingFailure(description: "\(samples.outcomes.last!)") }
            return appointment
        }
        let paid = try book(OutcomeSamples.tuesday, 10, 0, by: patients[0])
        samples.report(.succeeded(ref: paid.ref, intentID: "pi_1", amount: Money(major: 800), currency: "inr"))
        let cancelled = try book(OutcomeSamples.tuesday, 10, 30, by: patients[1])
        samples.report(.succeeded(ref: cancelled.ref, intentID: "pi_2", amount: Money(major: 800), currency: "inr"))
        samples.decide(.cancel(ref: cancelled.ref), from: patients[1])
        samples.report(.refunded(ref: cancelled.ref, refundID: "re_1", amount: Money(major: 800)))
        let cash = try book(OutcomeSamples.wednesday, 10, 0, by: patients[2])
        samples.decide(.recordPayment(ref: cash.ref, method: .cash), from: desk)
        _ = try book(OutcomeSamples.wednesday.adding(days: 1), 10, 0, by: patients[3])
        samples.decide(.earning(amount: Money(major: 2500), day: nil, note: "OPD", replacingDay: false), from: rao)
        samples.decide(.earnings(month: march, doctorID: nil), from: rao, at: later)
        samples.decide(.monthReport(march), from: desk, at: later)
        return samples
    }

    func rendered(_ outcome: Outcome, in clinic: ClinicState) throws -> (text: String, html: String, csv: String) {
        let templates = try ReplyTemplates(directory: DeskFixture.packageRoot.appendingPathComponent("Templates"))
        let format = ClinicFormat(clinic)
        let (name, fields) = outcome.template(format)
        let bodies = templates.render(name, fields)
        switch outcome {
        case .earningsReport(let report): return (bodies.text, bodies.html, report.csv(format))
        case .monthReport(let report): return (bodies.text, bodies.html, report.csv(format))
        default: throw RenderingFailure(description: "\(outcome)")
        }
    }

    @Test func theDoctorsEarningsShowTheFeesBesideTheEntries() throws {
        let samples = try Self.month()
        let outcome = try #require(samples.outcomes.first { if case .earningsReport = $0 { true } else { false } })
        let (text, html, csv) = try rendered(outcome, in: samples.clinic)
        #expect(text == """
            Earnings of Dr Suresh Rao, March 2026:
              Mon 2 Mar 2026  ₹2,500  (OPD)
              Tue 3 Mar 2026  ₹0 · paid online ₹1,600 · refunded ₹800
              Wed 4 Mar 2026  ₹0 · cash ₹800
            Total: ₹2,500 over 1 day(s) worked; average ₹2,500 a day.
            Consultations completed: 0.
            Fees: paid online ₹1,600 · cash at the desk ₹800 · refunded ₹800 · collected ₹1,600.
            Nothing was recorded in February 2026.
            The figures are attached as a CSV file.
            """)
        #expect(html.contains("₹0<br><small>paid online ₹1,600</small><br><small>refunded ₹800</small></td>"), "\(html)")
        #expect(html.contains("₹0<br><small>cash ₹800</small></td>"), "\(html)")
        #expect(html.contains("Fees: paid online ₹1,600 · cash at the desk ₹800 · refunded ₹800 · collected <b>₹1,600</b>.<br>"), "\(html)")
        #expect(csv == """
            date,amount,note,online,cash,refunded\r
            2026-03-02,2500,OPD,,,\r
            2026-03-03,,,1600,,800\r
            2026-03-04,,,,800,\r
            total,2500,1 days worked; 0 consultations completed,1600,800,800\r

            """)
    }

    @Test func theHospitalsReportShowsCollectedRefundedAndOutstanding() throws {
        let samples = try Self.month()
        let outcome = try #require(samples.outcomes.first { if case .monthReport = $0 { true } else { false } })
        let (text, html, csv) = try rendered(outcome, in: samples.clinic)
        #expect(text == """
            March 2026 at the hospital:
            Dr Suresh Rao
              Appointments: 4 (seen 0, no-shows 0, still confirmed 3)
              Cancelled: by patients 1, by the doctor 0, by the desk 0
              Earnings: ₹2,500
              Fees: collected ₹1,600 · refunded ₹800 · outstanding ₹800
            Dr Meena Iyer
              Appointments: 0 (seen 0, no-shows 0, still confirmed 0)
              Cancelled: by patients 0, by the doctor 0, by the desk 0
              Earnings: ₹0
            Dr Arun Kumar
              Appointments: 0 (seen 0, no-shows 0, still confirmed 0)
              Cancelled: by patients 0, by the doctor 0, by the desk 0
              Earnings: ₹0
            All doctors
              Appointments: 4 (seen 0, no-shows 0, still confirmed 3)
              Cancelled: by patients 1, by doctors 0, by the desk 0
              Earnings: ₹2,500
              Fees: collected ₹1,600 · refunded ₹800 · outstanding ₹800
            The figures are attached as a CSV file.
            """)
        #expect(html.contains("<th align=\"right\">Earnings</th><th align=\"right\">Collected</th><th align=\"right\">Refunded</th>"
            + "<th align=\"right\">Outstanding</th></tr>"), "\(html)")
        #expect(html.contains("<td align=\"right\">₹2,500</td><td align=\"right\">₹1,600</td><td align=\"right\">₹800</td><td align=\"right\">₹800</td></tr>"))
        #expect(html.contains("<td align=\"right\">₹0</td><td align=\"right\">₹0</td><td align=\"right\"></td><td align=\"right\"></td></tr>"),
                "a doctor with no fees: nothing refunded or outstanding")
        #expect(csv == """
            doctor,appointments,completed,no_shows,confirmed,cancelled_by_patient,cancelled_by_doctor,cancelled_by_desk,earnings,collected,refunded,outstanding\r
            Dr Suresh Rao,4,0,0,3,1,0,0,2500,1600,800,800\r
            Dr Meena Iyer,0,0,0,0,0,0,0,0,0,0,0\r
            Dr Arun Kumar,0,0,0,0,0,0,0,0,0,0,0\r
            total,4,0,0,3,1,0,0,2500,1600,800,800\r

            """)
    }

    @Test func aMonthWithoutFeesSaysNothingOfThem() throws {
        var samples = OutcomeSamples(clinic: try OutcomeSamples.sampleClinic())
        samples.decide(.earning(amount: Money(major: 2500), day: nil, note: nil, replacingDay: false), from: Sender(address: "rao@kanchicare.example", channel: .email))
        samples.decide(.earnings(month: Self.march, doctorID: nil), from: Sender(address: "rao@kanchicare.example", channel: .email))
        samples.decide(.monthReport(Self.march), from: Sender(address: "desk@kanchicare.example", channel: .email))
        for outcome in samples.outcomes.suffix(2) {
            let (text, html, _) = try rendered(outcome, in: samples.clinic)
            #expect(!text.contains("Fees") && !html.contains("Fees") && !html.contains("Collected") && !text.contains("online") && !html.contains("<small>"),
                    "\(text)\n\(html)")
        }
    }

    @Test func theReportTemplatesWithFeesRenderAsSwiftMustacheDoes() throws {
        let samples = try Self.month()
        let format = ClinicFormat(samples.clinic)
        let reports = samples.outcomes.filter {
            switch $0 {
            case .earningsReport, .monthReport: true
            default: false
            }
        }
        #expect(reports.count == 2)
        for outcome in reports {
            let (name, fields) = outcome.template(format)
            for form in ["text", "html"] {
                let url = DeskFixture.packageRoot.appendingPathComponent("Templates/\(form)/\(name.rawValue).mustache")
                let template = try String(contentsOf: url, encoding: .utf8)
                let reference = try MustacheTemplate(string: template).render(fields.anyValue)
                #expect(try CompiledTemplate(parsing: template).render(fields) == reference, "\(form)/\(name.rawValue)")
            }
        }
    }
}

struct RenderingFailure: Error, CustomStringConvertible {
    let description: String
}
