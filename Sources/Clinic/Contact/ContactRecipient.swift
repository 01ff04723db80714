/// Who a patient's CONTACT goes to: one doctor, or the front desk.
public enum ContactRecipient: Sendable, Equatable {
    case doctor(id: String)
    case desk
}

/// CONTACT refused: the patient has written `limit` messages today already and may write again on `again`.
public struct ContactRefusal: Sendable, Equatable {
    public var limit: Int
    public var again: LocalDate

    public init(limit: Int, again: LocalDate) {
        self.limit = limit
        self.again = again
    }
}
