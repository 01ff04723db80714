extension Migration {
    /// The log and its snapshots (the store itself), and the tables the database keeps true by itself.
    static let logAndTables = Migration(version: 1, name: "log, snapshots, appointments, handled ids, outbox", statements: [
        // btree_gist lets one exclusion constraint compare the doctor's id (=) and the interval (&&).
        "CREATE EXTENSION IF NOT EXISTS btree_gist",
        // Every committed record, in commit order: seq is given under the log's advisory lock, so it has no gaps.
        """
        CREATE TABLE caredesk_log (
            seq bigint PRIMARY KEY,
            record bytea NOT NULL,
            committed_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        // The whole state as of through_seq; the log before the previous snapshot is deleted.
        """
        CREATE TABLE caredesk_snapshots (
            generation bigint PRIMARY KEY,
            through_seq bigint NOT NULL,
            state bytea NOT NULL,
            taken_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        // The second line of defence: whatever any writer commits, no doctor has two active appointments that
        // overlap. Checked at commit (deferred), so a batch that moves one patient out of a slot and another in passes.
        """
        CREATE TABLE caredesk_appointments (
            ref text PRIMARY KEY,
            doctor_id text NOT NULL,
            during tstzrange NOT NULL,
            active boolean NOT NULL,
            CONSTRAINT caredesk_one_patient_per_slot
                EXCLUDE USING gist (doctor_id WITH =, during WITH &&) WHERE (active) DEFERRABLE INITIALLY DEFERRED
        )
        """,
        // Each inbound message's id once: `since` is the dedupe generation it was handled in (retention turns them over).
        """
        CREATE TABLE caredesk_handled (
            message_key text PRIMARY KEY,
            since bigint NOT NULL
        )
        """,
        // The outbox as delivery rounds claim it (FOR UPDATE SKIP LOCKED: several instances at once, each row to
        // one of them, until `claimed_until`) and as operators query it: what is waiting, what failed.
        """
        CREATE TABLE caredesk_outbox (
            id text PRIMARY KEY,
            channel text NOT NULL,
            state text NOT NULL,
            attempts integer NOT NULL,
            next_attempt_at bigint,
            created_at bigint NOT NULL,
            claimed_by text,
            claimed_until bigint
        )
        """,
        "CREATE INDEX caredesk_outbox_waiting ON caredesk_outbox (created_at, id) WHERE state IN ('queued', 'sending', 'deferred')",
    ])
}
