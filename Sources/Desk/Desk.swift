import Clinic
import Commands
import Foundation
import Logging
import Mail
import SMS
import Store

/// One message in, one commit out: the only place where identity, commands, the clinic, the store and the
/// outbox meet. A batch of messages is committed together (one journal write, one fsync) and each message's
/// events and replies are in the same record, so a crash replays to the same result.
public final class Desk {
    /// The data folder's journal, or a database: the desk is the only one that talks to it.
    let store: any StateStore<DeskState>
    let templates: ReplyTemplates
    let logger: Logger
    let photos: PhotoFolder
    let dataFolder: URL
    /// Slots the database's constraint said another writer holds (see `ClinicState.heldElsewhere`).
    var heldElsewhere: Set<HeldElsewhere> = []
    /// Answers to erased patients not yet delivered: once they are, the store is compacted again.
    var erasureAnswers: Set<String> = []
    private var reader: CommandReader?
    /// The last batch's reply format, whose doctor directory the next batch takes over when nothing changed.
    var lastFormat: ClinicFormat?
    private var readerDoctors: [Doctor] = []
    /// The most command lines one message may carry; the rest are not read, and the reply says so.
    public static let commandsPerMessage = 50
    /// Why a message past its sender's hourly allowance (and its one answer) is not read.
    public static let pastAllowance = "past the sender's hourly allowance"
    /// Whose word counts for who sent a message (the clinic's authserv-id), from `DATA/config.json`.
    public var trust: TrustSettings
    /// When expired holds were last looked for (not kept: the first hold after a start looks again).
    var lastHoldPruneAt: Int64 = 0
    /// Where codes and references come from: the system's CSPRNG unless a demo or test says otherwise.
    public var randomness: DeskRandomness = .system
    /// The systems told of bookings, cancellations, moves and reminders (`webhooks` in DATA/config.json).
    public var eventEndpoints: [EventEndpoint]
    /// Set when fees are taken online (a Stripe key is configured): the clinic's payment policy applies,
    /// and replies carry pay links.
    public var payments: OnlinePayments?

    public struct NotInitialised: Error, CustomStringConvertible {
        public let description: String
    }

    /// Opens the desk on `store`, or on the data folder's own journal when it is nil. Templates, photos,
    /// `outgoing/` and the audit trail are always in the data folder.
    public init(dataFolder: URL, templates: ReplyTemplates, logger: Logger, store given: (any StateStore<DeskState>)? = nil) throws {
        let opened: any StateStore<DeskState>
        if let given {
            opened = given
        } else {
            try DataFolder.requireInitialised(dataFolder)
            opened = try DataFolder.openStore(dataFolder, logger: logger)
        }
        guard opened.state.clinic != nil else {
            throw NotInitialised(description: "\(given == nil ? dataFolder.path : "the database") holds no clinic; run `caredesk init` first")
        }
        if opened.state.bounceKey == nil {
            try opened.update { state -> ([DeskRecord], Void) in
                guard state.bounceKey == nil else { return ([], ()) }  // another process drew it first
                let record = DeskRecord.bounceKey(BounceSigner.drawKey())
                state.absorb(record, eventsApplied: false)
                return ([record], ())
            }
        }
        store = opened
        audit = try AuditTrail(dataFolder: dataFolder)
        senderTags = SenderTags(keyHex: opened.state.bounceKey ?? "")
        self.templates = templates
        self.logger = logger
        photos = PhotoFolder(dataFolder: dataFolder)
        self.dataFolder = dataFolder
        eventEndpoints = try DeliverySettings.load(dataFolder).webhooks
        trust = try TrustSettings.load(dataFolder)
    }

    public var state: DeskState { store.state }

    /// Names senders in the hourly allowance, with the store's key (drawn before the first message).
    let senderTags: SenderTags
    /// The audit trail's pseudonyms are tags under the same key, with a label of their own.
    var auditTags: SenderTags { senderTags }
    /// `DATA/audit/audit.log`: a line per message handled, appended after each commit.
    let audit: AuditTrail

    /// Tags and checks bounce addresses with the store's key.
    public var bounceSigner: BounceSigner { BounceSigner(keyHex: store.state.bounceKey ?? "") }

    /// See `JSONStore.defersSync`: commits are written but their fsync is left to `takePendingSync()`.
    public var defersSync: Bool {
        get { store.defersSync }
        set { store.defersSync = newValue }
    }

    public func takePendingSync() -> DeskSync? {
        let journal = store.takePendingSync(), trail = audit.takePendingSync()
        return journal == nil && trail == nil ? nil : DeskSync(journal: journal, audit: trail)
    }

    /// Records that outbox messages reached their destination (when no batch of mail carries the news).
    public func markDelivered(_ ids: [String]) throws {
        guard !ids.isEmpty else { return }
        try store.update { state -> ([DeskRecord], Void) in
            state.absorb(.delivered(ids), eventsApplied: false)
            return ([.delivered(ids)], ())
        }
        try compactAfterErasureAnswers()
    }

    func commandReader(for clinic: ClinicState) -> CommandReader {
        if let reader, readerDoctors == clinic.doctors { return reader }
        let made = CommandReader(doctors: clinic.doctors, zone: clinic.zone, dayFirst: clinic.info.dayFirst)
        reader = made
        readerDoctors = clinic.doctors
        return made
    }
}
