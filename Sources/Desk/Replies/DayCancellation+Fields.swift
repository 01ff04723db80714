import Clinic

/// The values of the reply to CANCEL DAY and BROADCAST CANCEL: what was cancelled, who was told by mail,
/// who could not be.
extension DayCancellation {
    func fields(_ format: ClinicFormat) -> TemplateFields {
        let rows: [TemplateValue] = cancelled.map { a in
            .fields([.ref: .text(a.ref), .when: .text(format.span(a.start, a.end)), .doctor: .text(format.doctorName(a.doctorID))])
        }
        return [.day: .text(format.day(day)), .doctor: .text(doctorIDs.map(format.doctorName).joined(separator: ", ")),
                .count: .number(cancelled.count), .cancelled: .list(rows), .noneToShow: .flag(cancelled.isEmpty),
                .notified: notified.isEmpty ? nil : .text(notified.joined(separator: ", ")),
                .texted: texted.isEmpty ? nil : .text(texted.joined(separator: ", ")),
                .unreachable: unreachable.isEmpty ? nil : .text(unreachable.joined(separator: ", ")),
                .several: .flag(doctorIDs.count > 1)]
    }
}
