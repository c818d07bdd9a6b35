package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a group commit writes ({@link GroupCommit}): each terminal's chain head moved from the
 * head its batch was planned on, the records of all, and the accounts of their cards. Every head
 * moves only if the terminal's row still holds the planned head, carries no flag and the signing
 * certificate the records were verified with — checked by the statement that moves it, which
 * takes the row's lock: a head that moved elsewhere (another instance, an upload applied alone), a
 * flag or a re-enrolment since the plan leaves that row untouched, and the caller rolls the whole
 * group back. The records are inserted unless held ({@code ON CONFLICT DO NOTHING}: the count says
 * whether all were).
 *
 * @param heads   one a terminal
 * @param records {@link Records#row} rows
 * @param posts   by card, in card order (accounts are locked in this order)
 */
record GroupWrite(List<HeadMove> heads, List<Object[]> records, Map<String, Amounts> posts) {

    /**
     * A terminal's head moved from sequence {@code held} to {@code high} with {@code hash}, its
     * journal head reported as {@code journalHead}, if its enrolled certificate is {@code cert}.
     */
    record HeadMove(String terminal, long held, long high, byte[] hash, long journalHead, byte[] cert) {
    }

    /** Most records in one group: one statement's parameters stay below PostgreSQL's 65,535. */
    static final int MAX_RECORDS = 2_000;

    GroupWrite {
        heads = List.copyOf(heads);
        records = List.copyOf(records);
        posts = Collections.unmodifiableMap(posts);
        if (records.size() > MAX_RECORDS) {
            throw new IllegalArgumentException("a group writes at most " + MAX_RECORDS + " records");
        }
    }

    /** @return whether there is nothing to write (every batch of the group was refused) */
    boolean isEmpty() {
        return heads.isEmpty();
    }

    /**
     * The write as one statement (PostgreSQL: data-modifying {@code WITH} clauses, one round trip
     * for all three tables). @return whether every head moved and every record was inserted
     */
    boolean applyJoined(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("WITH moved AS (UPDATE terminal t SET high_seq=v.high, last_hash=v.hash,"
                + " journal_head=GREATEST(t.journal_head, v.journal_head), last_seen=v.now FROM (VALUES ");
        for (int i = 0; i < heads.size(); i++) {
            HeadMove h = heads.get(i);
            sql.append(i == 0 ? "(?::text,?::bigint,?::bigint,?::bytea,?::bigint,?::bigint,?::bytea)" : ",(?,?,?,?,?,?,?)");
            args.addAll(Arrays.asList(h.terminal(), h.held(), h.high(), h.hash(), h.journalHead(), now, h.cert()));
        }
        sql.append(") AS v(id, held, high, hash, journal_head, now, cert) WHERE t.id=v.id AND t.high_seq=v.held"
                + " AND t.flag IS NULL AND t.sign_cert=v.cert RETURNING 1), inserted AS (")
                .append(Records.insertStatement(records.size())).append(" RETURNING 1)");
        records.forEach(r -> args.addAll(Arrays.asList(r)));
        if (!posts.isEmpty()) {
            sql.append(", posted AS (").append(Ledger.postStatement(posts.size())).append(')');
            args.addAll(Ledger.postArguments(posts));
        }
        sql.append(" SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM inserted)");
        try (PreparedStatement p = c.prepareStatement(sql.toString())) {
            Sql.bind(p, args.toArray());
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) == heads.size() && rs.getLong(2) == records.size();
            }
        }
    }

    /**
     * The write statement by statement (SQLite: one writer at a time, no round trips to save).
     * @return whether every head moved and every record was inserted
     */
    boolean applyInTurn(Connection c) throws SQLException {
        if (Terminals.moveAll(c, heads) != heads.size()) {
            return false;
        }
        if (Records.insert(c, records) != records.size()) {
            return false;
        }
        Ledger.postAll(c, posts);
        return true;
    }
}
