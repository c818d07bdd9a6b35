package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.SQLException;
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
 * group back, as it does when a record is held already. On PostgreSQL the three tables are written
 * by one statement ({@link PostgresGroupWrite}); on SQLite statement by statement
 * ({@link #applyInTurn}).
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

    GroupWrite {
        heads = List.copyOf(heads);
        records = List.copyOf(records);
        posts = Collections.unmodifiableMap(posts);
    }

    /** @return whether there is nothing to write (every batch of the group was refused) */
    boolean isEmpty() {
        return heads.isEmpty();
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
