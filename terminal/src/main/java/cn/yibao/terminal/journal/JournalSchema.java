package cn.yibao.terminal.journal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates and checks the journal's tables; the schema version is kept in {@code PRAGMA user_version}. */
final class JournalSchema {

    static final int VERSION = 1;

    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS txn(
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          msgid TEXT NOT NULL UNIQUE,
          kind TEXT NOT NULL,
          state TEXT NOT NULL,
          card_no_masked TEXT NOT NULL,
          card_serial TEXT NOT NULL,
          request TEXT NOT NULL,
          result TEXT,
          account_pay_fen INTEGER NOT NULL DEFAULT 0 CHECK (account_pay_fen >= 0),
          card_counter INTEGER,
          pending TEXT,
          reply TEXT,
          tac TEXT,
          note TEXT,
          created TEXT NOT NULL,
          updated TEXT NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS txn_state ON txn(state) WHERE state NOT IN ('COMMITTED', 'VOIDED')",
        """
        CREATE TABLE IF NOT EXISTS record(
          seq INTEGER PRIMARY KEY CHECK (seq >= 1),
          txn_id INTEGER NOT NULL UNIQUE REFERENCES txn(id),
          msgid TEXT NOT NULL UNIQUE,
          hash BLOB NOT NULL,
          body BLOB NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS upload_cursor(
          id INTEGER PRIMARY KEY CHECK (id = 1),
          acked_seq INTEGER NOT NULL CHECK (acked_seq >= 0))""",
        "INSERT OR IGNORE INTO upload_cursor(id, acked_seq) VALUES (1, 0)",
        "CREATE INDEX IF NOT EXISTS txn_card ON txn(card_serial, created)",
        // when the host last moved the cursor (added after version 1; created on open, no migration)
        """
        CREATE TABLE IF NOT EXISTS upload_ack(
          id INTEGER PRIMARY KEY CHECK (id = 1),
          acked_at TEXT NOT NULL)""",
    };

    private JournalSchema() {
    }

    /**
     * Puts the connection in WAL mode with {@code synchronous=FULL} (a commit is on disk when it
     * returns) and creates the tables.
     */
    static void apply(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA foreign_keys=ON");
            s.execute("PRAGMA busy_timeout=5000");
            int version;
            try (var rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > VERSION) {
                throw new JournalException("journal schema " + version + " is newer than this terminal (" + VERSION + ")");
            }
            c.setAutoCommit(false);
            for (String ddl : DDL) {
                s.execute(ddl);
            }
            VisitStore.createTables(s);
            s.execute("PRAGMA user_version=" + VERSION);
            c.commit();
        }
    }
}
