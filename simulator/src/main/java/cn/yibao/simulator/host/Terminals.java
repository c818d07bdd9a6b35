package cn.yibao.simulator.host;

import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal table: each enrolled terminal with its signing certificate, its chain head (the
 * highest sequence held and that record's hash), the flag a failed check left on it, and what it
 * last reported of its journal.
 */
final class Terminals {

    private Terminals() {
    }

    /**
     * A terminal's row as its lock found it.
     *
     * @param seq  the chain head's sequence (0: nothing held)
     * @param hash the chain head's hash (null when nothing is held)
     * @param flag the code of the check that flagged the terminal, or ""
     * @param signCert the enrolled signing certificate (DER), null when the terminal is not enrolled
     */
    record Head(long seq, byte[] hash, String flag, byte[] signCert) {
    }

    /**
     * Reads the terminal's row with {@code rowLock} (the backend's clause that locks it until the
     * end of the transaction); @return the row as the lock found it
     */
    static Head lock(Connection c, String terminal, String rowLock) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT high_seq, last_hash, flag, sign_cert FROM terminal WHERE id=?"
                + rowLock, terminal)) {
            return rs.next() ? head(rs, 1) : new Head(0, null, "", null);
        }
    }

    /** @return the head in the columns high_seq, last_hash, flag, sign_cert of {@code rs}, the first at {@code from} */
    private static Head head(ResultSet rs, int from) throws SQLException {
        String flag = rs.getString(from + 2);
        return new Head(rs.getLong(from), rs.getBytes(from + 1), flag == null ? "" : flag, rs.getBytes(from + 3));
    }

    /**
     * Reads the rows of {@code terminals} in one statement, without locking them (a group commit's
     * write checks that each is still as read: {@link GroupWrite}); @return the rows found
     */
    static Map<String, Head> readAll(Connection c, Collection<String> terminals) throws SQLException {
        Map<String, Head> heads = new HashMap<>();
        try (ResultSet rs = Sql.query(c, "SELECT id, high_seq, last_hash, flag, sign_cert FROM terminal WHERE id IN ("
                + String.join(",", Collections.nCopies(terminals.size(), "?")) + ")", terminals.toArray())) {
            while (rs.next()) {
                heads.put(rs.getString(1), head(rs, 2));
            }
        }
        return heads;
    }

    /**
     * Moves the heads of {@code moves} as {@link #advance} does, each only if its row still holds the
     * planned head, no flag and the certificate (one JDBC batch); @return how many moved
     */
    static int moveAll(Connection c, List<GroupWrite.HeadMove> moves) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement p = c.prepareStatement("UPDATE terminal SET high_seq=?, last_hash=?,"
                + " journal_head=CASE WHEN journal_head<? THEN ? ELSE journal_head END, last_seen=?"
                + " WHERE id=? AND high_seq=? AND flag IS NULL AND sign_cert=?")) {
            for (GroupWrite.HeadMove m : moves) {
                Sql.bind(p, m.high(), m.hash(), m.journalHead(), m.journalHead(), now, m.terminal(), m.held(), m.cert());
                p.addBatch();
            }
            return Arrays.stream(p.executeBatch()).sum();
        }
    }

    /** Registers (or re-registers) a terminal with its SM2 signing certificate. */
    static void enrol(Connection c, String terminal, X509Certificate signCert) throws SQLException {
        try {
            Sql.update(c, "INSERT INTO terminal(id, sign_cert, enrolled_at) VALUES(?,?,?)"
                    + " ON CONFLICT(id) DO UPDATE SET sign_cert=excluded.sign_cert", terminal, signCert.getEncoded(),
                    System.currentTimeMillis());
        } catch (CertificateEncodingException e) {
            throw new SQLException("bad certificate", e);
        }
    }

    /** @return the terminal's signing certificate (DER), or null when it is not enrolled */
    static byte[] signCert(Connection c, String terminal) {
        return Sql.bytes(c, "SELECT sign_cert FROM terminal WHERE id=?", terminal);
    }

    /** @return the chain head's sequence (0: nothing held) */
    static long highSeq(Connection c, String terminal) {
        return Sql.longValue(c, "SELECT high_seq FROM terminal WHERE id=?", 0, terminal);
    }

    /** Moves the terminal's chain head to {@code seq} with {@code hash}. */
    static void moveHead(Connection c, String terminal, long seq, byte[] hash) throws SQLException {
        Sql.update(c, "UPDATE terminal SET high_seq=?, last_hash=? WHERE id=?", seq, hash, terminal);
    }

    /**
     * Moves the chain head as {@link #moveHead} and records the terminal's journal head as
     * {@link #seen}, in one statement: the end of an accepted upload.
     */
    static void advance(Connection c, String terminal, long seq, byte[] hash, long journalHead) throws SQLException {
        Sql.update(c, "UPDATE terminal SET high_seq=?, last_hash=?,"
                + " journal_head=CASE WHEN journal_head<? THEN ? ELSE journal_head END, last_seen=? WHERE id=?",
                seq, hash, journalHead, journalHead, System.currentTimeMillis(), terminal);
    }

    /** Flags a terminal with the code of the failed check. */
    static int flag(Connection c, String terminal, String code) throws SQLException {
        return Sql.update(c, "UPDATE terminal SET flag=?, flagged_at=? WHERE id=?", code, System.currentTimeMillis(),
                terminal);
    }

    /** Clears a terminal's flag. */
    static int clearFlag(Connection c, String terminal) throws SQLException {
        return Sql.update(c, "UPDATE terminal SET flag=NULL, flagged_at=NULL WHERE id=?", terminal);
    }

    /** @return the terminal's flag code, empty if not flagged */
    static String flagOf(Connection c, String terminal) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT flag FROM terminal WHERE id=?", terminal)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    /** Records what a terminal last reported of its journal head (it only grows), and when. */
    static int seen(Connection c, String terminal, long journalHead) throws SQLException {
        return Sql.update(c, "UPDATE terminal SET journal_head=CASE WHEN journal_head<? THEN ? ELSE journal_head END,"
                + " last_seen=? WHERE id=?", journalHead, journalHead, System.currentTimeMillis(), terminal);
    }
}
