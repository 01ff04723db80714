import ArgumentParser
import Foundation
import Logging

@main
struct CareDesk: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "caredesk",
        abstract: "A hospital's appointment desk that works by email: reads commands from mail, books, answers.",
        subcommands: [Init.self, Ingest.self, Show.self, Bench.self])

    static func bootstrapLogging() {
        let level = ProcessInfo.processInfo.environment["CAREDESK_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .warning
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
    }
}
