package cn.yibao.simulator.host;

import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.SignedRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The record table: the accepted records, unique by terminal and sequence, by msgid, and — when
 * the card was written — by card, TTI and card counter; how they are inserted, and the look-ups
 * the chain checks make.
 */
final class Records {

    /**
     * Inserts a record unless one with its (terminal, sequence), msgid or card transaction is held
     * (then the count is 0): the statement of {@link #row} rows.
     */
    static final String COLUMNS = "terminal, seq, hash, msgid, setl_id, card_no, card_tti, card_counter, time,"
            + " policy_version, medfee, fund, acct, cash, result, status, items, fixmedins_code";
    /** The SQL types of {@link #COLUMNS}, in their order (the Java types of {@link #row}: String, Long, byte[], Integer). */
    static final List<String> TYPES = List.of("text", "bigint", "bytea", "text", "text", "text", "integer", "integer",
            "bigint", "text", "bigint", "bigint", "bigint", "bigint", "text", "text", "text", "text");
    private static final String INSERT_INTO = "INSERT INTO record(" + COLUMNS + ") VALUES";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UNLESS_HELD = " ON CONFLICT DO NOTHING";
    static final String INSERT = INSERT_INTO + ROW + UNLESS_HELD;
    /** Records per multi-row insert ({@link #insert}): 18 parameters a row stay far below both databases' limits. */
    static final int INSERT_CHUNK = 100;

    private Records() {
    }

    /**
     * Inserts {@link #row} rows with as few statements as possible (multi-row {@code VALUES},
     * {@value #INSERT_CHUNK} a statement), none of which replaces a held record.
     *
     * @return how many were inserted: fewer than {@code rows} when some msgid, card transaction or
     *         (terminal, sequence) was held
     */
    static int insert(Connection c, List<Object[]> rows) throws SQLException {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            List<Object> args = new ArrayList<>(part.size() * part.get(0).length);
            part.forEach(r -> args.addAll(Arrays.asList(r)));
            inserted += Sql.update(c, insertStatement(part.size()), args.toArray());
        }
        return inserted;
    }

    /** @return the statement inserting {@code rows} {@link #row} rows unless held (their parameters in row order) */
    private static String insertStatement(int rows) {
        return INSERT_INTO + String.join(",", Collections.nCopies(rows, ROW)) + UNLESS_HELD;
    }

    /**
     * @return the parameters of {@link #INSERT} for an accepted record with {@code status}:
     *         {@code OK} for a settlement (it counts in the reconciliation until cancelled or
     *         reversed), the record kind for records that move no money (an admission, a
     *         cancellation: kept for the chain and the audit, never counted). A settlement keeps its
     *         {@code items} (the canonical request the split was re-computed from) and the uploading
     *         institution's {@code fixmedins_code}, for supervision.
     */
    static Object[] row(SignedRecord r, byte[] hash, Amounts a, String setlId, String status, String items,
            String fixmedinsCode) {
        Integer tti = r.proof().write().map(w -> w.kind().tti()).orElse(null);
        Integer counter = r.proof().write().map(w -> w.counter()).orElse(null);
        return new Object[] {r.terminalId(), r.seq(), hash, r.msgid(), setlId, r.proof().cardNo(), tti, counter,
            r.time().toEpochMilli(), r.policyVersion(), a.medfee(), a.fund(), a.acct(), a.cash(), r.result(), status,
            items, fixmedinsCode};
    }

    /** @return the hash of the terminal's record {@code seq}, or null when it is not held */
    static byte[] hashAt(Connection c, String terminal, long seq) {
        return Sql.bytes(c, "SELECT hash FROM record WHERE terminal=? AND seq=?", terminal, seq);
    }

    /** @return whether a record with {@code msgid} is held */
    static boolean msgidHeld(Connection c, String msgid) {
        return Sql.longValue(c, "SELECT count(*) FROM record WHERE msgid=?", 0, msgid) > 0;
    }

    /** @return whether a record of the card's transaction {@code kind} with its {@code counter} is held */
    static boolean cardWriteHeld(Connection c, String cardNo, ProofKind kind, int counter) {
        return Sql.longValue(c, "SELECT count(*) FROM record WHERE card_no=? AND card_tti=? AND card_counter=?",
                0, cardNo, kind.tti(), counter) > 0;
    }
}
