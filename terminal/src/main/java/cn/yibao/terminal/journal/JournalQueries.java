package cn.yibao.terminal.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** What the counter and its reports ask of the journal's transactions; nothing here writes. */
public final class JournalQueries {

    private final JournalDb db;

    JournalQueries(JournalDb db) {
        this.db = db;
    }

    /** @return the transaction, if there is one with this id */
    public Optional<JournalTxn> find(long id) {
        return db.read(() -> JournalRows.query(db.connection(), "SELECT * FROM txn WHERE id = ?", id)
                .stream().findFirst());
    }

    /** @return the transaction with this msgid, if any */
    public Optional<JournalTxn> findByMsgid(String msgid) {
        return db.read(() -> JournalRows.query(db.connection(), "SELECT * FROM txn WHERE msgid = ?", msgid)
                .stream().findFirst());
    }

    /** @return every transaction that is neither committed nor voided, oldest first */
    public List<JournalTxn> unfinished() {
        return db.read(() -> JournalRows.query(db.connection(),
                "SELECT * FROM txn WHERE state NOT IN ('COMMITTED', 'VOIDED') ORDER BY id"));
    }

    /** @return the newest transactions, newest first, at most {@code limit} */
    public List<JournalTxn> recent(int limit) {
        return db.read(() -> JournalRows.query(db.connection(), "SELECT * FROM txn ORDER BY id DESC LIMIT ?",
                Math.min(limit, 1000)));
    }

    /**
     * Counts the transactions of {@code kind} for one card that started at or after {@code since}
     * and were not voided (committed ones and those still in flight).
     *
     * @param cardSerial the card's application serial, as given to {@link Transactions#begin}
     */
    public int countSince(TxnKind kind, String cardSerial, Instant since) {
        return db.read(() -> {
            int n = 0;
            try (PreparedStatement s = db.connection().prepareStatement("SELECT created FROM txn"
                    + " WHERE card_serial = ? AND kind = ? AND state <> 'VOIDED' AND created >= ?")) {
                s.setString(1, cardSerial);
                s.setString(2, kind.name());
                // text order of Instant.toString is not exact within one second: bound loosely, compare exactly
                s.setString(3, since.minusSeconds(1).toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!Instant.parse(rs.getString(1)).isBefore(since)) {
                            n++;
                        }
                    }
                }
            }
            return n;
        });
    }

    /**
     * @return the committed transactions with a signed record that started in [{@code from},
     *         {@code to}), in sequence order, at most {@code limit}
     */
    public List<JournalTxn> committedBetween(Instant from, Instant to, int limit) {
        // created is ISO text whose length varies with the fraction: widen by a second, then filter exactly
        List<JournalTxn> rows = db.read(() -> JournalRows.query(db.connection(), """
                SELECT txn.* FROM txn JOIN record ON record.txn_id = txn.id
                WHERE txn.created >= ? AND txn.created < ? ORDER BY record.seq LIMIT ?""",
                from.minusSeconds(1).toString(), to.plusSeconds(1).toString(), Math.max(1, limit)));
        return rows.stream().filter(t -> !t.created().isBefore(from) && t.created().isBefore(to)).toList();
    }
}
