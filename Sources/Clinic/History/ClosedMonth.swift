/// A month whose books are closed: what its reports said when it closed, kept for REPORT and EARNINGS, while
/// its appointments, payments and notes left memory for the history shelf. A few hundred bytes per doctor,
/// whatever the month held.
public struct ClosedMonth: Sendable, Equatable, Codable {
    public var month: YearMonth
    /// REPORT <month> as it stood at closing.
    public var hospital: HospitalMonth
    /// EARNINGS <month> of each doctor with anything that month, by doctor id.
    public var earnings: [String: MonthlyEarnings]

    public init(month: YearMonth, hospital: HospitalMonth, earnings: [String: MonthlyEarnings]) {
        self.month = month
        self.hospital = hospital
        self.earnings = earnings
    }
}
