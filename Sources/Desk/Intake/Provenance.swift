import Clinic
import Mail

/// The envelope stage's verdict on who a message really comes from.
///
/// Mail: only the topmost `Authentication-Results` field whose authserv-id is the clinic's own counts
/// (RFC 8601 section 5: the clinic's server removes such fields arriving from outside, so the topmost is
/// its own); the message is authenticated on `dmarc=pass` for the From domain, or, lacking any DMARC
/// result, on `dkim=pass` with a signing domain aligned with it. Fields of other servers are ignored:
/// anyone upstream can write them. SMS: the number, vouched for by the gateway's signature. A message
/// naming several authors acts for nobody.
public enum Provenance: Sendable, Equatable {
    /// The sender's address is vouched for: commands are carried out at once.
    case authenticated
    /// Nothing vouches for the address: what changes something for somebody else waits for CONFIRM.
    case unauthenticated
    /// The message names more than one author (several From fields or mailboxes): it acts for nobody.
    case nobody(authors: Int)

    /// `isStaff` tells whether an address is the desk's or a doctor's.
    public static func of(_ mail: InboundMessage, trust: TrustSettings, isStaff: (String) -> Bool) -> Provenance {
        if mail.signedWebhook, let from = mail.message.from?.address {
            return trust.webhookStaffSenders || !isStaff(from) ? .authenticated : .unauthenticated
        }
        if mail.channel == .sms { return .authenticated }
        let message = mail.message
        if message.fromMailboxes > 1 { return .nobody(authors: message.fromMailboxes) }
        guard let ours = trust.authservID, let from = message.from?.address,
              let at = from.lastIndex(of: "@") else { return .unauthenticated }
        let domain = String(from[from.index(after: at)...]).asciiLowercased
        for field in message.headers(named: "Authentication-Results") {
            guard let results = AuthenticationResults.parse(field), results.authservID == ours else { continue }
            return passes(results, domain: domain) ? .authenticated : .unauthenticated  // the topmost of ours decides
        }
        return .unauthenticated
    }

    /// `dmarc=pass` for `domain`; without any DMARC result, `dkim=pass` with `header.d` aligned to it.
    static func passes(_ results: AuthenticationResults, domain: String) -> Bool {
        let dmarc = results.results.filter { $0.method == "dmarc" }
        if !dmarc.isEmpty {
            return dmarc.contains { $0.result == "pass" && $0.properties["header.from"]?.asciiLowercased == domain }
        }
        return results.results.contains { result in
            guard result.method == "dkim", result.result == "pass", let signer = result.properties["header.d"]?.asciiLowercased,
                  signer.contains(".") else { return false }
            return signer == domain || domain.hasSuffix("." + signer)
        }
    }

    public var isAuthenticated: Bool { self == .authenticated }
}
