/// Amounts as Stripe counts them: in the currency's smallest unit (docs.stripe.com/currencies). CareDesk
/// keeps every amount in hundredths; for Stripe's zero-decimal currencies (JPY, KRW, …) that is divided
/// by 100 — and such an amount with a fraction cannot be charged at all.
public enum StripeAmount {
    /// Stripe's list of zero-decimal currencies.
    static let zeroDecimal: Set<String> = ["bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf", "ugx", "vnd",
                                           "vuv", "xaf", "xof", "xpf"]

    /// The amount to send for `hundredths` in `currency`; nil when the currency has no such fraction.
    public static func minorUnits(hundredths: Int64, currency: String) -> Int64? {
        guard zeroDecimal.contains(currency.lowercased()) else { return hundredths }
        return hundredths % 100 == 0 ? hundredths / 100 : nil
    }
}

extension StripeAmount {
    /// Stripe's amount (in the currency's smallest unit) in hundredths, as the clinic keeps money.
    public static func hundredths(minorUnits: Int64, currency: String) -> Int64 {
        zeroDecimal.contains(currency.lowercased()) ? minorUnits * 100 : minorUnits
    }
}
