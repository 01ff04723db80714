import Foundation
import Testing
@testable import Clinic

/// The payment policy as the clinic file writes it, a doctor's override, and the refund of a patient's
/// own cancellation: all of it until the cut-off, the stated share after, never more than was paid.
@Suite struct PaymentPolicyTests {
    @Test func theClinicFileSetsThePolicyAndADoctorOverridesIt() throws {
        let json = #"""
        {"name": "K", "address": "A", "phone": "1", "deskEmail": "desk@k.example", "timeZone": "Asia/Kolkata", "currency": "INR",
         "payment": "atBooking", "holdMinutes": 45, "refund": {"fullIfHoursBefore": 12, "otherwisePercent": 50}}
        """#
        let info = try JSONDecoder().decode(ClinicInfo.self, from: Data(json.utf8))
        #expect(info.payment == PaymentPolicy(mode: .atBooking, holdMinutes: 45, refund: RefundRule(fullIfHoursBefore: 12, otherwisePercent: 50)))
        let again = try JSONDecoder().decode(ClinicInfo.self, from: JSONEncoder().encode(info))
        #expect(again == info, "the setup record keeps it")

        var doctor = try #require(SampleClinic.state().doctors.first)
        #expect(info.paymentMode(for: doctor) == .atBooking)
        doctor.payment = .off
        let decoded = try JSONDecoder().decode(Doctor.self, from: JSONEncoder().encode(doctor))
        #expect(info.paymentMode(for: decoded) == .off)
    }

    @Test func withoutAPolicyNothingIsTaken() throws {
        let json = #"{"name": "K", "address": "A", "phone": "1", "deskEmail": "d@k.example", "timeZone": "Asia/Kolkata", "currency": "INR"}"#
        let info = try JSONDecoder().decode(ClinicInfo.self, from: Data(json.utf8))
        #expect(info.payment == PaymentPolicy(mode: .off, holdMinutes: 30, refund: RefundRule(fullIfHoursBefore: 24, otherwisePercent: 0)))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(ClinicInfo.self, from: Data(json.replacingOccurrences(of: "}", with: #", "payment": "sometimes"}"#).utf8))
        }
    }

    @Test func aPatientsCancellationIsRefundedByTheRule() {
        let rule = RefundRule(fullIfHoursBefore: 24, otherwisePercent: 25)
        let paid = Money(major: 801)
        let start: Int64 = 1_000_000
        #expect(rule.refund(of: paid, start: start, now: start - 24 * 3600) == paid, "exactly at the cut-off: in full")
        #expect(rule.refund(of: paid, start: start, now: start - 24 * 3600 + 1) == Money(minorUnits: 20025))
        #expect(rule.refund(of: paid, start: start, now: start + 60) == Money(minorUnits: 20025), "after the start: the share")
        #expect(RefundRule().refund(of: paid, start: start, now: start - 3600) == Money(minorUnits: 0))
        #expect(RefundRule(fullIfHoursBefore: 24, otherwisePercent: 250).refund(of: paid, start: start, now: start) == paid,
                "never more than was paid")
        #expect(rule.refund(of: Money(minorUnits: 0), start: start, now: start - 48 * 3600) == Money(minorUnits: 0))
    }
}
