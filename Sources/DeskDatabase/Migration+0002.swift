extension Migration {
    /// The history shelf: what closed months took out of memory, one row per patient and month.
    static let historyShelf = Migration(version: 2, name: "history shelf", statements: [
        """
        CREATE TABLE caredesk_history (
            shelf text NOT NULL,
            owner text NOT NULL,
            record bytea NOT NULL,
            PRIMARY KEY (shelf, owner)
        )
        """,
        "CREATE INDEX caredesk_history_by_owner ON caredesk_history (owner)",
    ])
}
