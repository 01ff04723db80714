import Foundation
import Logging
import Store

extension Desk {
    /// The desk of a data folder, with its templates (CAREDESK_TEMPLATES, DATA/templates or the shipped ones),
    /// on `store` (nil: the folder's own journal), logging under `label`.
    public static func open(_ folder: URL, label: String, store: (any StateStore<DeskState>)? = nil) throws -> Desk {
        try Desk(dataFolder: folder, templates: try ReplyTemplates.of(dataFolder: folder), logger: Logger(label: label), store: store)
    }

    /// Sends log lines to standard error at CAREDESK_LOG_LEVEL (warning unless set): every command of
    /// `caredesk` and of the bench starts with it.
    public static func bootstrapLogging() {
        let level = ProcessInfo.processInfo.environment["CAREDESK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
