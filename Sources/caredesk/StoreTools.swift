import ArgumentParser

/// `caredesk store check|salvage`: the store's files, looked at and repaired by the mail administrator.
struct StoreTools: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Check the data folder's store for damage, or salvage a damaged one.",
        subcommands: [StoreCheck.self, StoreSalvage.self])
}
