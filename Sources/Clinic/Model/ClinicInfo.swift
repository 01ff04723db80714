/// The hospital itself: who it is, where, and the rules its desk keeps.
public struct ClinicInfo: Sendable, Codable, Equatable {
    public var name: String
    public var address: String
    public var phone: String
    /// The front desk's mailbox; replies are sent from it.
    public var deskEmail: String
    /// IANA zone, e.g. "Asia/Kolkata". Every instant is stored in UTC and shown in this zone.
    public var timeZone: String
    /// ISO 4217 code, e.g. "INR".
    public var currency: String
    /// How long before a slot it can still be booked, in minutes (default 60).
    public var minimumNoticeMinutes: Int
    /// Whether "4/3" means 4 March (day first, the default) or April 3.
    public var dayFirst: Bool
    /// Further addresses that act for the front desk.
    public var deskAddresses: [String]
    /// Upcoming appointments one patient may hold at once (default 5): a script cannot book a doctor's week.
    public var maxUpcoming: Int
    /// How far ahead a slot can be booked, in days (default 90).
    public var bookingHorizonDays: Int
    /// How long a freed slot offered from the waitlist is held for the patient, in minutes (default 15).
    public var waitlistHoldMinutes: Int
    /// How many doctors one patient may WAIT for at once (default 3).
    public var waitsPerPatient: Int
    /// When consultation fees are taken (`"payment"`, `"holdMinutes"`, `"refund"` in the clinic file).
    public var payment: PaymentPolicy
    /// The language replies are written in for anyone who has not chosen one with LANG (default English).
    public var language: Language = .en

    public init(name: String, address: String, phone: String, deskEmail: String, timeZone: String, currency: String,
                minimumNoticeMinutes: Int = 60, dayFirst: Bool = true, deskAddresses: [String] = [], maxUpcoming: Int = 5,
                bookingHorizonDays: Int = 90, payment: PaymentPolicy = PaymentPolicy(), waitlistHoldMinutes: Int = 15, waitsPerPatient: Int = 3) {
        self.name = name
        self.address = address
        self.phone = phone
        self.deskEmail = deskEmail
        self.timeZone = timeZone
        self.currency = currency
        self.minimumNoticeMinutes = minimumNoticeMinutes
        self.dayFirst = dayFirst
        self.deskAddresses = deskAddresses
        self.maxUpcoming = maxUpcoming
        self.bookingHorizonDays = bookingHorizonDays
        self.payment = payment
        self.waitlistHoldMinutes = waitlistHoldMinutes
        self.waitsPerPatient = waitsPerPatient
    }

    enum CodingKeys: String, CodingKey {
        case name, address, phone, deskEmail, timeZone, currency, minimumNoticeMinutes, dayFirst, deskAddresses, maxUpcoming, bookingHorizonDays
        case payment, holdMinutes, refund, waitlistHoldMinutes, waitsPerPatient, language
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        address = try c.decode(String.self, forKey: .address)
        phone = try c.decode(String.self, forKey: .phone)
        deskEmail = try c.decode(String.self, forKey: .deskEmail)
        timeZone = try c.decode(String.self, forKey: .timeZone)
        currency = try c.decode(String.self, forKey: .currency)
        minimumNoticeMinutes = try c.decodeIfPresent(Int.self, forKey: .minimumNoticeMinutes) ?? 60
        dayFirst = try c.decodeIfPresent(Bool.self, forKey: .dayFirst) ?? true
        deskAddresses = try c.decodeIfPresent([String].self, forKey: .deskAddresses) ?? []
        maxUpcoming = try c.decodeIfPresent(Int.self, forKey: .maxUpcoming) ?? 5
        bookingHorizonDays = try c.decodeIfPresent(Int.self, forKey: .bookingHorizonDays) ?? 90
        payment = PaymentPolicy(mode: try c.decodeIfPresent(PaymentPolicy.Mode.self, forKey: .payment) ?? .off,
                                holdMinutes: try c.decodeIfPresent(Int.self, forKey: .holdMinutes) ?? 30,
                                refund: try c.decodeIfPresent(RefundRule.self, forKey: .refund) ?? RefundRule())
        waitlistHoldMinutes = max(1, try c.decodeIfPresent(Int.self, forKey: .waitlistHoldMinutes) ?? 15)
        waitsPerPatient = max(1, try c.decodeIfPresent(Int.self, forKey: .waitsPerPatient) ?? 3)
        language = try c.decodeIfPresent(Language.self, forKey: .language) ?? .en
    }

    /// As the clinic file writes it: the payment policy's parts at the top level.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(address, forKey: .address)
        try c.encode(phone, forKey: .phone)
        try c.encode(deskEmail, forKey: .deskEmail)
        try c.encode(timeZone, forKey: .timeZone)
        try c.encode(currency, forKey: .currency)
        try c.encode(minimumNoticeMinutes, forKey: .minimumNoticeMinutes)
        try c.encode(dayFirst, forKey: .dayFirst)
        try c.encode(deskAddresses, forKey: .deskAddresses)
        try c.encode(maxUpcoming, forKey: .maxUpcoming)
        try c.encode(bookingHorizonDays, forKey: .bookingHorizonDays)
        try c.encode(payment.mode, forKey: .payment)
        try c.encode(payment.holdMinutes, forKey: .holdMinutes)
        try c.encode(payment.refund, forKey: .refund)
        try c.encode(waitlistHoldMinutes, forKey: .waitlistHoldMinutes)
        try c.encode(waitsPerPatient, forKey: .waitsPerPatient)
        if language != .en { try c.encode(language, forKey: .language) }
    }

    /// When `doctor`'s fee is taken: their own setting, else the clinic's.
    public func paymentMode(for doctor: Doctor) -> PaymentPolicy.Mode {
        doctor.payment ?? payment.mode
    }

    /// The symbol printed before amounts ("₹" for INR).
    public var currencySymbol: String {
        switch currency.uppercased() {
        case "INR": "₹"
        case "USD": "$"
        case "EUR": "€"
        case "GBP": "£"
        default: currency.uppercased() + " "
        }
    }
}
