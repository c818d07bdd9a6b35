package cn.yibao.terminal.journal;

import cn.yibao.card.Money;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.function.Function;

/**
 * A journal transaction's way through its states ({@link TxnState}): STARTED → PRE_SETTLED →
 * DEBIT_SENT → DEBITED → COMMITTED, or VOIDED from any unfinished state. Every step is one SQLite
 * transaction and on disk when it returns, so each step of a sale is durable before the next
 * starts; committing appends the transaction's signed record to the chain in the same SQLite
 * transaction.
 */
public final class Transactions {

    private final JournalDb db;
    private final SignedRecords records;
    private final Clock clock;

    Transactions(JournalDb db, SignedRecords records, Clock clock) {
        this.db = db;
        this.records = records;
        this.clock = clock;
    }

    /** Records that a transaction started; {@code msgid} must be new. */
    public long begin(String msgid, TxnKind kind, String cardNoMasked, String cardSerial, String request) {
        String now = clock.instant().toString();
        return db.write(() -> {
            try (PreparedStatement s = db.connection().prepareStatement("""
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
    public void preSettled(long id, String result, Money accountPay, String reply) {
        if (accountPay.isNegative()) {
            throw new IllegalArgumentException("account payment < 0");
        }
        move(id, TxnState.PRE_SETTLED, "result = ?, account_pay_fen = ?, reply = ?", result, accountPay.fen(), reply);
    }

    /** Keeps the answer given for this transaction, so that a repeated request gets the same one. */
    public void reply(long id, String reply) {
        db.write(() -> {
            try (PreparedStatement s = db.connection().prepareStatement("UPDATE txn SET reply = ? WHERE id = ?")) {
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
    public void debitSent(long id, int cardCounter, String pendingDebit) {
        move(id, TxnState.DEBIT_SENT, "card_counter = ?, pending = ?", cardCounter, pendingDebit);
    }

    /** DEBIT_SENT → DEBITED: the card debited and returned its TAC (hex). */
    public void debited(long id, String tacHex) {
        move(id, TxnState.DEBITED, "tac = ?", tacHex);
    }

    /** Any unfinished state → VOIDED: nothing was debited, with the reason. */
    public void voided(long id, String reason) {
        move(id, TxnState.VOIDED, "note = ?", reason);
    }

    /**
     * PRE_SETTLED or DEBITED → COMMITTED, appending the transaction's signed record to the chain in
     * the same SQLite transaction. {@code sign} gets the chain head and returns the record; it must
     * not do I/O that can block for long (it runs inside the write transaction).
     *
     * @return the stored record
     */
    public StoredRecord commit(long id, Function<ChainHead, StoredRecord> sign) {
        return db.write(() -> {
            ChainHead head = records.headNow();
            StoredRecord record = sign.apply(head);
            if (record.seq() != head.nextSeq()) {
                throw new JournalException("record seq " + record.seq() + " is not the chain's next " + head.nextSeq());
            }
            updateState(id, TxnState.COMMITTED, "", new Object[0]);
            records.append(id, record);
            return record;
        });
    }

    private void move(long id, TxnState to, String set, Object... values) {
        db.write(() -> {
            updateState(id, to, set, values);
            return null;
        });
    }

    private void updateState(long id, TxnState to, String set, Object[] values) throws SQLException {
        JournalTxn txn = JournalRows.query(db.connection(), "SELECT * FROM txn WHERE id = ?", id).stream().findFirst()
                .orElseThrow(() -> new JournalException("no transaction " + id));
        if (!txn.state().next().contains(to)) {
            throw new JournalException("transaction " + id + " cannot go from " + txn.state() + " to " + to);
        }
        String sql = "UPDATE txn SET state = ?, updated = ?" + (set.isEmpty() ? "" : ", " + set) + " WHERE id = ?";
        try (PreparedStatement s = db.connection().prepareStatement(sql)) {
            s.setString(1, to.name());
            s.setString(2, clock.instant().toString());
            for (int i = 0; i < values.length; i++) {
                s.setObject(3 + i, values[i]);
            }
            s.setLong(3 + values.length, id);
            s.executeUpdate();
        }
    }
}
