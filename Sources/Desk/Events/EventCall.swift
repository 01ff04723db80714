import Clinic
import Foundation

/// A clinic event told to other systems: one outbox message per endpoint that wants it (channel `webhook`,
/// `data` the JSON body, `recipients` the URL), named by its cause so a replay queues the same call, and
/// carrying no patient details but the patient's id.
enum EventCall {
    /// The calls `events` cause, decided against `clinic` as it was before them (a move's previous time).
    static func messages(for events: [ClinicEvent], before clinic: ClinicState, endpoints: [EventEndpoint], disabled: Set<String>,
                         cause: String, now: Int64) -> [OutboxMessage] {
        guard !endpoints.isEmpty else { return [] }
        var calls: [OutboxMessage] = []
        for event in events {
            let told: (EventType, Appointment, extra: [String: String])?
            switch event {
            case .booked(let appointment):
                told = (.appointmentBooked, appointment, [:])
            case .cancelled(let ref, let status, _, _, _):
                told = clinic.appointment(ref: ref).map { a in
                    var after = a
                    after.status = status
                    return (.appointmentCancelled, after, [:])
                }
            case .rescheduled(let ref, let start, let end, _, _):
                told = clinic.appointment(ref: ref).map { a in
                    var after = a
                    after.start = start
                    after.end = end
                    return (.appointmentRescheduled, after, ["previousStart": iso(a.start), "previousEnd": iso(a.end)])
                }
            case .paymentRecorded(let ref, let payment):
                told = clinic.appointment(ref: ref).map { a in
                    (.appointmentPaid, a, ["amount": payment.amount.description, "currency": clinic.info.currency.uppercased(),
                                           "method": payment.method.rawValue])
                }
            case .refunded(let ref, let refundID, let amount, _):
                told = clinic.appointment(ref: ref).flatMap { a in
                    clinic.payments[ref].map { payment in
                        (.appointmentRefunded, a, ["amount": amount.description, "currency": clinic.info.currency.uppercased(), "refund": refundID,
                                                   "refundedInAll": (payment.refunded + amount).description])
                    }
                }
            default:
                told = nil
            }
            guard let (type, appointment, extra) = told else { continue }
            calls += messages(type, appointment: appointment, extra: extra, endpoints: endpoints, disabled: disabled, cause: cause, now: now)
        }
        return calls
    }

    static func messages(_ type: EventType, appointment: Appointment, extra: [String: String], endpoints: [EventEndpoint],
                         disabled: Set<String>, cause: String, now: Int64) -> [OutboxMessage] {
        var data: [String: String] = ["ref": appointment.ref, "doctor": appointment.doctorID, "patient": appointment.patientID,
                                      "start": iso(appointment.start), "end": iso(appointment.end), "status": appointment.status.rawValue]
        data.merge(extra) { $1 }
        let body = Body(type: type.rawValue, timestamp: iso(now), data: data)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let json = try? encoder.encode(body) else { return [] }
        return endpoints.filter { $0.wants(type) && !disabled.contains($0.url) }.map { endpoint in
            let id = "evt_" + NoticeComposer.id("event \(type.rawValue) \(appointment.ref) \(cause) \(endpoint.url)")
            return OutboxMessage(id: id, channel: .webhook, purpose: .notice, envelopeFrom: "", recipients: [endpoint.url],
                                 data: String(decoding: json, as: UTF8.self), createdAt: now)
        }
    }

    struct Body: Encodable {
        let type: String
        let timestamp: String
        let data: [String: String]
    }

    static func iso(_ instant: Int64) -> String {
        Date(timeIntervalSince1970: TimeInterval(instant)).formatted(.iso8601)
    }
}
