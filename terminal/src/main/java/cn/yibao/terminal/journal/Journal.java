package cn.yibao.terminal.journal;

import cn.yibao.card.Money;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The terminal's crash-safe journal in one SQLite file (WAL, {@code synchronous=FULL}). Every method
 * that changes something is one SQLite transaction and is on disk when it returns, so each step of a
 * sale is durable before the next starts. Committing a transaction appends its signed record to the
 * chain in the same SQLite transaction; the upload cursor moves only when the host acknowledges.
 *
 * <p>Thread-safe: one connection, serialised.
 */
public final class Journal implements AutoCloseable {

    private final Connection db;
    private final Clock clock;
    private final Path file;

    private Journal(Connection db, Clock clock, Path file) {
        this.db = db;
        this.clock = clock;
        this.file = file;
    }

    /** Opens (creating if needed) the journal file, readable by its owner only. */
    public static Journal open(Path file, Clock clock) {
        try {
            Connection c = OwnerOnlySqlite.connect(file);
            JournalSchema.apply(c);
            return new Journal(c, clock, file);
        } catch (IOException | SQLException e) {
            throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** Records that a transaction started; {@code msgid} must be new. */
    public synchronized long begin(String msgid, TxnKind kind, String cardNoMasked, String cardSerial, String request) {
        String now = clock.instant().toString();
        return write(() -> {
            try (PreparedStatement s = db.prepareStatement("""
                    INSERT INTO txn(msgid, kind, state, card_no_masked, card_serial, request, created, updated)
                    VALUES (?, ?, 'STARTED', ?, ?, ?, ?, ?)""", PreparedStatement.RETURN_GENERATED_KEYS)) {
                s.setString(1, msgid);
                s.setString(2, kind.name());
                s.setString(3, cardNoMasked);
                s.setString(4, cardSerial);
                s.setString(5, request);
                s.setString(6, now);
                s.setString(7, now);
                s.executeUpdate();
                try (ResultSet keys = s.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }

    /**
     * STARTED → PRE_SETTLED: the split is computed and shown; nothing is debited yet.
     *
     * @param result the settlement result as signed for the host (canonical JSON)
     * @param accountPay what the card's account will pay
     * @param reply the answer the caller gets once the transaction commits
     */
    public synchronized void preSettled(long id, String result, Money accountPay, String reply) {
        if (accountPay.isNegative()) {
            throw new IllegalArgumentException("account payment < 0");
        }
        move(id, TxnState.PRE_SETTLED, "result = ?, account_pay_fen = ?, reply = ?", result, accountPay.fen(), reply);
    }

    /** Keeps the answer given for this transaction, so that a repeated request gets the same one. */
    public synchronized void reply(long id, String reply) {
        write(() -> {
            try (PreparedStatement s = db.prepareStatement("UPDATE txn SET reply = ? WHERE id = ?")) {
                s.setString(1, reply);
                s.setLong(2, id);
                if (s.executeUpdate() != 1) {
                    throw new JournalException("no transaction " + id);
                }
            }
            return null;
        });
    }

    /**
     * PRE_SETTLED → DEBIT_SENT, durable BEFORE the debit command goes to the card: from here on,
     * recovery must ask the card whether the debit at {@code cardCounter} happened; {@code pendingDebit}
     * holds what recovery needs to ask (card serial, counter, amount, terminal sequence).
     */
    public synchronized void debitSent(long id, int cardCounter, String pendingDebit) {
        move(id, TxnState.DEBIT_SENT, "card_counter = ?, pending = ?", cardCounter, pendingDebit);
    }

    /** DEBIT_SENT → DEBITED: the card debited and returned its TAC (hex). */
    public synchronized void debited(long id, String tacHex) {
        move(id, TxnState.DEBITED, "tac = ?", tacHex);
    }

    /** Any unfinished state → VOIDED: nothing was debited, with the reason. */
    public synchronized void voided(long id, String reason) {
        move(id, TxnState.VOIDED, "note = ?", reason);
    }

    /**
     * PRE_SETTLED or DEBITED → COMMITTED, appending the transaction's signed record to the chain in
     * the same SQLite transaction. {@code sign} gets the chain head and returns the record; it must
     * not do I/O that can block for long (it runs inside the write transaction).
     *
     * @return the stored record
     */
    public synchronized StoredRecord commit(long id, Function<ChainHead, StoredRecord> sign) {
        return write(() -> {
            ChainHead head = head();
            StoredRecord record = sign.apply(head);
            if (record.seq() != head.nextSeq()) {
                throw new JournalException("record seq " + record.seq() + " is not the chain's next " + head.nextSeq());
            }
            updateState(id, TxnState.COMMITTED, "", new Object[0]);
            try (PreparedStatement s = db.prepareStatement(
                    "INSERT INTO record(seq, txn_id, msgid, hash, body) VALUES (?, ?, ?, ?, ?)")) {
                s.setLong(1, record.seq());
                s.setLong(2, id);
                s.setString(3, record.msgid());
                s.setBytes(4, record.hash());
                s.setBytes(5, record.body());
                s.executeUpdate();
            }
            return record;
        });
    }

    /** @return the transaction, if there is one with this id */
    public synchronized Optional<JournalTxn> find(long id) {
        return read(() -> JournalRows.query(db, "SELECT * FROM txn WHERE id = ?", id).stream().findFirst());
    }

    /** @return the transaction with this msgid, if any */
    public synchronized Optional<JournalTxn> findByMsgid(String msgid) {
        return read(() -> JournalRows.query(db, "SELECT * FROM txn WHERE msgid = ?", msgid).stream().findFirst());
    }

    /** @return every transaction that is neither committed nor voided, oldest first */
    public synchronized List<JournalTxn> unfinished() {
        return read(() -> JournalRows.query(db,
                "SELECT * FROM txn WHERE state NOT IN ('COMMITTED', 'VOIDED') ORDER BY id"));
    }

    /** @return the newest transactions, newest first, at most {@code limit} */
    public synchronized List<JournalTxn> recent(int limit) {
        return read(() -> JournalRows.query(db, "SELECT * FROM txn ORDER BY id DESC LIMIT ?", Math.min(limit, 1000)));
    }

    /**
     * Counts the transactions of {@code kind} for one card that started at or after {@code since}
     * and were not voided (committed ones and those still in flight).
     *
     * @param cardSerial the card's application serial, as given to {@link #begin}
     */
    public synchronized int countSince(TxnKind kind, String cardSerial, java.time.Instant since) {
        return read(() -> {
            int n = 0;
            try (PreparedStatement s = db.prepareStatement("SELECT created FROM txn WHERE card_serial = ? AND kind = ?"
                    + " AND state <> 'VOIDED' AND created >= ?")) {
                s.setString(1, cardSerial);
                s.setString(2, kind.name());
                // text order of Instant.toString is not exact within one second: bound loosely, compare exactly
                s.setString(3, since.minusSeconds(1).toString());
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (!java.time.Instant.parse(rs.getString(1)).isBefore(since)) {
                            n++;
                        }
                    }
                }
            }
            return n;
        });
    }

    /** @return the sequence number of the transaction's signed record, once committed */
    public synchronized OptionalLong recordSeq(long txnId) {
        return read(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT seq FROM record WHERE txn_id = ?")) {
                s.setLong(1, txnId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
                }
            }
        });
    }

    /** @return where the chain stands */
    public synchronized ChainHead head() {
        return read(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT seq, hash FROM record ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? new ChainHead(rs.getLong(1) + 1, rs.getBytes(2)) : new ChainHead(1, new byte[0]);
            }
        });
    }

    /** @return up to {@code limit} records after {@code seq}, in sequence order */
    public synchronized List<StoredRecord> recordsAfter(long seq, int limit) {
        return read(() -> {
            List<StoredRecord> out = new ArrayList<>();
            try (PreparedStatement s = db.prepareStatement(
                    "SELECT seq, msgid, hash, body FROM record WHERE seq > ? ORDER BY seq LIMIT ?")) {
                s.setLong(1, seq);
                s.setInt(2, Math.max(1, Math.min(limit, 10_000)));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredRecord(rs.getLong(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)));
                    }
                }
            }
            return out;
        });
    }

    /** @return the highest sequence number the host acknowledged (0 before the first) */
    public synchronized long ackedSeq() {
        return read(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT acked_seq FROM upload_cursor WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * Moves the upload cursor to {@code seq}, the highest contiguous sequence the host acknowledged.
     * Never moves backwards, never past the last record.
     */
    public synchronized void acknowledge(long seq) {
        write(() -> {
            long last = head().nextSeq() - 1;
            if (seq > last) {
                throw new JournalException("host acknowledged seq " + seq + " beyond the last record " + last);
            }
            try (PreparedStatement s = db.prepareStatement(
                    "UPDATE upload_cursor SET acked_seq = ? WHERE id = 1 AND acked_seq < ?")) {
                s.setLong(1, seq);
                s.setLong(2, seq);
                if (s.executeUpdate() == 0) {
                    return null;
                }
            }
            try (PreparedStatement s = db.prepareStatement("INSERT INTO upload_ack(id, acked_at) VALUES (1, ?)"
                    + " ON CONFLICT(id) DO UPDATE SET acked_at = excluded.acked_at")) {
                s.setString(1, clock.instant().toString());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** @return when the host last moved the upload cursor, if it ever did */
    public synchronized Optional<java.time.Instant> ackedAt() {
        return read(() -> {
            try (PreparedStatement s = db.prepareStatement("SELECT acked_at FROM upload_ack WHERE id = 1");
                 ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(java.time.Instant.parse(rs.getString(1))) : Optional.empty();
            }
        });
    }

    /**
     * @return the committed transactions whose signed records the host has not acknowledged yet,
     *         oldest first, at most {@code limit}
     */
    public synchronized List<JournalTxn> unacknowledged(int limit) {
        return read(() -> JournalRows.query(db, """
                SELECT txn.* FROM txn JOIN record ON record.txn_id = txn.id
                WHERE record.seq > (SELECT acked_seq FROM upload_cursor WHERE id = 1)
                ORDER BY record.seq LIMIT ?""", Math.max(1, limit)));
    }

    /**
     * @return the committed transactions with a signed record that started in [{@code from},
     *         {@code to}), in sequence order, at most {@code limit}
     */
    public synchronized List<JournalTxn> committedBetween(java.time.Instant from, java.time.Instant to, int limit) {
        // created is ISO text whose length varies with the fraction: widen by a second, then filter exactly
        List<JournalTxn> rows = read(() -> JournalRows.query(db, """
                SELECT txn.* FROM txn JOIN record ON record.txn_id = txn.id
                WHERE txn.created >= ? AND txn.created < ? ORDER BY record.seq LIMIT ?""",
                from.minusSeconds(1).toString(), to.plusSeconds(1).toString(), Math.max(1, limit)));
        return rows.stream().filter(t -> !t.created().isBefore(from) && t.created().isBefore(to)).toList();
    }

    private void move(long id, TxnState to, String set, Object... values) {
        write(() -> {
            updateState(id, to, set, values);
            return null;
        });
    }

    private void updateState(long id, TxnState to, String set, Object[] values) throws SQLException {
        JournalTxn txn = JournalRows.query(db, "SELECT * FROM txn WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new JournalException("no transaction " + id));
        if (!txn.state().next().contains(to)) {
            throw new JournalException("transaction " + id + " cannot go from " + txn.state() + " to " + to);
        }
        String sql = "UPDATE txn SET state = ?, updated = ?" + (set.isEmpty() ? "" : ", " + set) + " WHERE id = ?";
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setString(1, to.name());
            s.setString(2, clock.instant().toString());
            for (int i = 0; i < values.length; i++) {
                s.setObject(3 + i, values[i]);
            }
            s.setLong(3 + values.length, id);
            s.executeUpdate();
        }
    }

    /** Runs {@code work} as one durable SQLite write transaction (for the journal's additive tables). */
    synchronized <T> T write(SqlWork<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            rollback();
            if (e instanceof JournalException je) {
                throw je;
            }
            throw new JournalException("journal write failed: " + e.getMessage(), e);
        }
    }

    /** Runs {@code work} as one read (for the journal's additive tables). */
    synchronized <T> T read(SqlWork<T> work) {
        try {
            T result = work.run();
            db.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new JournalException("journal read failed: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            db.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the next call reports it
        }
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close journal: " + e.getMessage(), e);
        }
    }

    /** @return the connection, for the journal's additive tables (use it inside {@link #write} or {@link #read}) */
    Connection connection() {
        return db;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
