import Testing
@testable import Clinic

@Suite struct CalendarTests {
    @Test func dayNumbersRoundTrip() {
        for n in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(LocalDate(dayNumber: n).dayNumber == n)
        }
        #expect(LocalDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(LocalDate(year: 2026, month: 3, day: 2).weekday == .mon)
        #expect(LocalDate(year: 2024, month: 2, day: 29).adding(days: 1) == LocalDate(year: 2024, month: 3, day: 1))
    }

    @Test func invalidDatesAreRefused() {
        #expect(LocalDate.valid(year: 2026, month: 2, day: 29) == nil)
        #expect(LocalDate.valid(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate.valid(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(iso: "2026-04-31") == nil)
    }

    @Test func clinicZoneConvertsBothWays() {
        let zone = ClinicZone(identifier: "Asia/Kolkata")!
        let instant = zone.instant(SampleClinic.monday, TimeOfDay(minutes: 9 * 60))
        #expect(instant == SampleClinic.now)
        let local = zone.local(instant)
        #expect(local.date == SampleClinic.monday)
        #expect(local.time == TimeOfDay(minutes: 540))
        #expect(zone.abbreviation(at: instant) == "IST")
    }

    @Test func zonesWithSummerTimeKeepWallClock() {
        let zone = ClinicZone(identifier: "Europe/London")!
        let summer = LocalDate(year: 2026, month: 7, day: 1)
        let instant = zone.instant(summer, TimeOfDay(minutes: 600))
        #expect(zone.local(instant).time == TimeOfDay(minutes: 600))
        #expect(zone.local(instant).date == summer)
    }

    @Test func weeklyHoursSummaryGroupsDays() {
        #expect(SampleClinic.doctors[0].hours.summary == "Mon–Sat 09:00-13:00")
        #expect(SampleClinic.doctors[1].hours.summary == "Mon–Fri 10:00-13:00, 17:00-19:00")
    }

    @Test func moneyIsExact() {
        #expect(Money(decimal: "2500.5")?.minorUnits == 250_050)
        #expect(Money(decimal: "2500.50")?.description == "2500.50")
        #expect(Money(decimal: "800")?.description == "800")
        #expect(Money(decimal: "1.234") == nil)
        #expect(Money(decimal: "-5") == nil)
    }
}
