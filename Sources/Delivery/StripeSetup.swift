import Clinic
import Desk
import Foundation
import Transport

/// Payments online, as the environment configures them: on with a Stripe key (`CAREDESK_STRIPE_SECRET_KEY`),
/// which then needs the pay page's address and link secret; and the clock's part, letting unpaid holds go.
public enum StripeSetup {
    /// What the desk needs to take fees online, or nil when no Stripe key is configured.
    public static func payments(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> OnlinePayments? {
        try OnlinePayments.fromEnvironment(environment, stripe: StripeConfiguration.fromEnvironment(environment) != nil)
    }

    /// Releases the holds whose time is up at `now`. A webhook can be lost, so Stripe is first asked about
    /// each hold's PaymentIntent: one that was paid is recorded (with its receipt) instead of released, and a
    /// hold whose PaymentIntent Stripe cannot be asked about now waits for the next tick. Returns how many
    /// were released.
    @discardableResult
    public static func endHolds(desk: Desk, now: Int64, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int {
        let ending = desk.holdsEnding(by: now)
        guard !ending.isEmpty else { return 0 }
        var unknown = Set<String>()
        var paid: [(key: String, report: PaymentReport)] = []
        if let configuration = StripeConfiguration.fromEnvironment(environment) {
            let api = try StripeAPI(configuration: configuration)
            for hold in ending {
                guard let intentID = hold.intentID else { continue }
                switch api.paymentIntent(id: intentID) {
                case .success(let intent) where intent.status == "succeeded":
                    paid.append((key: "stripe asked \(intent.id) succeeded",
                                 report: .succeeded(ref: hold.ref, intentID: intent.id,
                                                    amount: Money(minorUnits: StripeAmount.hundredths(minorUnits: intent.amount, currency: intent.currency)),
                                                    currency: intent.currency)))
                case .success(let intent) where intent.status == "processing":
                    unknown.insert(hold.ref)  // the bank has not answered yet: not released while it may still go through
                case .success:
                    continue
                case .failure(let failure):
                    if failure.isRetryable { unknown.insert(hold.ref) }
                }
            }
        }
        try desk.reportPayments(paid, now: now)
        return try desk.endHolds(now: now, except: unknown)
    }
}
