import Foundation
import JWTKit

/// The token of a pay link (`CAREDESK_PUBLIC_URL/pay/<token>`): a JWT signed HS256 with the clinic's link
/// secret (`CAREDESK_LINK_SECRET`), naming one appointment by its reference and when the link stops
/// working, and nothing else — no patient, no amount, no reason: whoever sees the link learns only that
/// some appointment exists. Expiry is checked against the desk's clock (a test or demo may fix it).
/// Tokens are minted by `PayLinkSigner` (synchronously, where replies are written) and checked here.
public struct PayLinks: Sendable {
    private let keys: JWTKeyCollection

    /// `secret`: at least 32 bytes (RFC 7518 section 3.2: an HS256 key as long as the hash).
    public init(secret: String) async throws(PayLinkError) {
        guard secret.utf8.count >= 32 else { throw PayLinkError.weakSecret }
        keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
    }

    /// The appointment a token names, if it is ours, untampered and not expired at `now`.
    public func ref(from token: String, now: Int64) async throws(PayLinkError) -> String {
        guard token.utf8.count <= 1024 else { throw PayLinkError.notOurs }
        let claims: PayLinkClaims
        do {
            claims = try await keys.verify(token, as: PayLinkClaims.self)
        } catch {
            throw PayLinkError.notOurs
        }
        guard Date(timeIntervalSince1970: TimeInterval(now)) < claims.exp.value else { throw PayLinkError.expired }
        return claims.sub.value
    }
}

/// What a pay link's token holds: the appointment (`sub`) and the end of its life (`exp`).
struct PayLinkClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim

    /// The expiry is checked by `PayLinks.ref(from:now:)` against the desk's clock, not the machine's.
    func verify(using algorithm: some JWTAlgorithm) throws {}
}

/// Why a pay link does not work, in words for the page that says so.
public struct PayLinkError: Error, Sendable, Equatable, CustomStringConvertible {
    private enum Kind: Sendable, Equatable {
        case notOurs, expired, weakSecret
    }

    private let kind: Kind

    /// Not signed with the clinic's secret, changed, or not a token at all.
    public static let notOurs = PayLinkError(kind: .notOurs)
    public static let expired = PayLinkError(kind: .expired)
    public static let weakSecret = PayLinkError(kind: .weakSecret)

    public var description: String {
        switch kind {
        case .notOurs: "This payment link is not valid: it may have been changed or cut short."
        case .expired: "This payment link has expired."
        case .weakSecret: "CAREDESK_LINK_SECRET must be at least 32 characters long"
        }
    }
}
