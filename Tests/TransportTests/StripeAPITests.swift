import Foundation
import TestServers
import Testing
@testable import Transport

/// The Stripe client against localstripe on loopback: a PaymentIntent made, confirmed and read back, a
/// declined card answered 402 and final, a refund, a wrong key, and no server at all (worth a retry).
@Suite(.serialized) struct StripeAPITests {
    @Test func aPaymentIntentIsMadePaidReadBackAndRefunded() throws {
        let stripe = try LocalStripeServer()
        defer { stripe.stop() }
        let api = try StripeAPI(configuration: StripeConfiguration(secretKey: stripe.secretKey, baseURL: stripe.baseURL + "/"))
        let made = try api.createPaymentIntent(amount: 80_000, currency: "INR", ref: "A7K2Q", idempotencyKey: "A7K2Q-1",
                                               paymentMethod: "pm_card_visa").get()
        #expect(made.amount == 80_000 && made.currency == "inr" && made.metadata["ref"] == "A7K2Q")
        #expect(made.clientSecret?.hasPrefix(made.id + "_secret_") == true)
        #expect(made.status == "requires_confirmation")
        let paid = try api.confirm(paymentIntent: made.id).get()
        #expect(paid.status == "succeeded")
        #expect(try api.paymentIntent(id: made.id).get().status == "succeeded", "read back by GET")
        let refund = try api.refund(paymentIntent: made.id, amount: 20_000, idempotencyKey: "A7K2Q-refund-1").get()
        #expect(refund.amount == 20_000 && refund.id.hasPrefix("re_"))
    }

    @Test func aDeclinedCardIsFinalAndSaysWhy() throws {
        let stripe = try LocalStripeServer()
        defer { stripe.stop() }
        let api = try StripeAPI(configuration: StripeConfiguration(secretKey: stripe.secretKey, baseURL: stripe.baseURL))
        let made = try api.createPaymentIntent(amount: 60_000, currency: "inr", ref: "B8M3R", idempotencyKey: "B8M3R-1",
                                               paymentMethod: "pm_card_chargeCustomerFail").get()
        guard case .failure(let declined) = api.confirm(paymentIntent: made.id) else {
            Issue.record("a declined card was paid")
            return
        }
        #expect(declined.status == 402 && declined.error?.code == "card_declined" && !declined.isRetryable, "\(declined)")
        let after = try api.paymentIntent(id: made.id).get()
        #expect(after.status == "requires_payment_method" && after.lastPaymentError?.code == "card_declined")
    }

    @Test func aWrongKeyIsFinalAndNoServerIsWorthARetry() throws {
        let stripe = try LocalStripeServer()
        defer { stripe.stop() }
        let wrong = try StripeAPI(configuration: StripeConfiguration(secretKey: "sk_x", baseURL: stripe.baseURL))
        guard case .failure(let refused) = wrong.createPaymentIntent(amount: 100, currency: "inr", ref: "C9N4S", idempotencyKey: "k") else {
            Issue.record("a wrong key was accepted")
            return
        }
        #expect(refused.status == 401 && !refused.isRetryable)
        let port = stripe.port
        stripe.stop()
        let gone = try StripeAPI(configuration: StripeConfiguration(secretKey: stripe.secretKey, baseURL: "http://127.0.0.1:\(port)",
                                                                    connectTimeout: 2, transferTimeout: 4))
        guard case .failure(let unreachable) = gone.paymentIntent(id: "pi_123") else {
            Issue.record("an answer from nowhere")
            return
        }
        #expect(unreachable.status == nil && unreachable.isRetryable, "\(unreachable)")
        #expect(gone.paymentIntent(id: "pi_1/../../v1/charges").failureDescription?.contains("not a Stripe id") == true)
    }

    @Test func zeroDecimalCurrenciesAreChargedInWholeUnits() {
        #expect(StripeAmount.minorUnits(hundredths: 80_000, currency: "INR") == 80_000)
        #expect(StripeAmount.minorUnits(hundredths: 150_000, currency: "JPY") == 1_500)
        #expect(StripeAmount.minorUnits(hundredths: 150_050, currency: "jpy") == nil)
    }
}

extension Result where Failure == StripeFailure {
    var failureDescription: String? {
        if case .failure(let failure) = self { return failure.description }
        return nil
    }
}
