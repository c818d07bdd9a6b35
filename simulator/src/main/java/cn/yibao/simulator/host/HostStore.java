package cn.yibao.simulator.host;

import cn.yibao.hostlink.record.ChainView;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.tls.Crypto;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host's store: terminals and their chain heads, records (unique by terminal and sequence, by
 * msgid, and — when the card was written — by card, TTI and card counter), answered requests by
 * msgid, personal accounts with year-to-date accumulators, the card list, policy packs, listed-card
 * sightings and inventory. On SQLite (embedded, one host process) or PostgreSQL (shared by several
 * host instances): see {@link StoreLocation}; the schema is migrated on open ({@link Migrations}).
 * Row-level helpers live in {@link Ledger} and {@link Registry}. Every check that decides whether a
 * record is taken reads the database inside the transaction that writes it ({@link #view}), never
 * a copy held by this process.
 */
public final class HostStore implements ChainView, AutoCloseable {

    /** A unit of work inside one transaction; it may be run again if the transaction lost a race. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final StoreBackend backend;
    /** Decoded signing keys by terminal, with the certificate they were decoded from. */
    private final Map<String, Enrolled> keys = new ConcurrentHashMap<>();

    private record Enrolled(byte[] der, PublicKey key) {
    }

    private HostStore(StoreBackend backend) {
        this.backend = backend;
    }

    /** Opens (creating if needed) the SQLite store at {@code file}. */
    public static HostStore open(Path file) throws SQLException {
        return new HostStore(SqliteBackend.open(file));
    }

    /** Opens (creating or migrating the schema if needed) the store at {@code at}. */
    public static HostStore open(StoreLocation at) throws SQLException {
        return new HostStore(at.kind() == StoreLocation.Kind.SQLITE ? SqliteBackend.open(at.sqlite())
                : PostgresBackend.open(at));
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        return backend.inTransaction(work);
    }

    /**
     * A terminal's row as its lock found it.
     *
     * @param seq  the chain head's sequence (0: nothing held)
     * @param hash the chain head's hash (null when nothing is held)
     * @param flag the code of the check that flagged the terminal, or ""
     */
    record Head(long seq, byte[] hash, String flag) {
    }

    /**
     * Takes the terminal's row lock until the end of the transaction, so that the chain checks and
     * writes of two uploads (or cancellations) of one terminal, on any host instance, run one after
     * the other and each sees what the other committed; @return the row as the lock found it
     */
    Head lockTerminal(Connection c, String terminal) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT high_seq, last_hash, flag FROM terminal WHERE id=?" + backend.rowLock(),
                terminal)) {
            if (!rs.next()) {
                return new Head(0, null, "");
            }
            String flag = rs.getString(3);
            return new Head(rs.getLong(1), rs.getBytes(2), flag == null ? "" : flag);
        }
    }

    /** Serialises card-list additions until the end of the transaction. */
    void lockCardList(Connection c) throws SQLException {
        backend.lockCardList(c);
    }

    /** Registers (or re-registers) a terminal with its SM2 signing certificate. */
    public void enrol(String terminal, X509Certificate signCert) {
        inTransaction(c -> {
            try {
                Sql.update(c, "INSERT INTO terminal(id, sign_cert, enrolled_at) VALUES(?,?,?)"
                        + " ON CONFLICT(id) DO UPDATE SET sign_cert=excluded.sign_cert", terminal, signCert.getEncoded(),
                        System.currentTimeMillis());
            } catch (CertificateEncodingException e) {
                throw new SQLException("bad certificate", e);
            }
            return null;
        });
    }

    /**
     * The enrolled signing key as the database holds it now (a terminal re-enrolled through another
     * host instance gets its new key here at once); the decoding is kept while the certificate is
     * the same.
     */
    @Override
    public Optional<PublicKey> signingKey(String terminal) {
        return inTransaction(c -> signingKey(c, terminal));
    }

    Optional<PublicKey> signingKey(Connection c, String terminal) {
        byte[] der = Sql.bytes(c, "SELECT sign_cert FROM terminal WHERE id=?", terminal);
        if (der == null) {
            return Optional.empty();
        }
        Enrolled known = keys.get(terminal);
        if (known != null && Arrays.equals(known.der(), der)) {
            return Optional.of(known.key());
        }
        try {
            // Bouncy Castle's factory: the JDK's cannot decode an SM2 (sm2p256v1) public key
            PublicKey k = CertificateFactory.getInstance("X.509", Crypto.provider())
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            keys.put(terminal, new Enrolled(der, k));
            return Optional.of(k);
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }

    @Override
    public long highestSeq(String terminal) {
        return inTransaction(c -> view(c).highestSeq(terminal));
    }

    @Override
    public byte[] hashAt(String terminal, long seq) {
        return inTransaction(c -> view(c).hashAt(terminal, seq));
    }

    @Override
    public boolean msgidHeld(String msgid) {
        return inTransaction(c -> view(c).msgidHeld(msgid));
    }

    @Override
    public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
        return inTransaction(c -> view(c).cardWriteHeld(cardNo, kind, counter));
    }

    /** @return the chain as seen inside the transaction of {@code c} */
    ChainView view(Connection c) {
        return new ChainView() {
            @Override
            public Optional<PublicKey> signingKey(String terminal) {
                return HostStore.this.signingKey(c, terminal);
            }

            @Override
            public long highestSeq(String terminal) {
                return Sql.longValue(c, "SELECT high_seq FROM terminal WHERE id=?", 0, terminal);
            }

            @Override
            public byte[] hashAt(String terminal, long seq) {
                return Sql.bytes(c, "SELECT hash FROM record WHERE terminal=? AND seq=?", terminal, seq);
            }

            @Override
            public boolean msgidHeld(String msgid) {
                return Sql.longValue(c, "SELECT count(*) FROM record WHERE msgid=?", 0, msgid) > 0;
            }

            @Override
            public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
                return Sql.longValue(c, "SELECT count(*) FROM record WHERE card_no=? AND card_tti=? AND card_counter=?",
                        0, cardNo, kind.tti(), counter) > 0;
            }
        };
    }

    /**
     * Inserts a record unless one with its (terminal, sequence), msgid or card transaction is held
     * (then the count is 0): the statement of {@link #recordRow} rows.
     */
    private static final String INSERT_INTO = "INSERT INTO record(terminal, seq, hash, msgid, setl_id, card_no,"
            + " card_tti, card_counter, time, policy_version, medfee, fund, acct, cash, result, status, items,"
            + " fixmedins_code) VALUES";
    private static final String ROW = "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String UNLESS_HELD = " ON CONFLICT DO NOTHING";
    static final String INSERT_RECORD = INSERT_INTO + ROW + UNLESS_HELD;
    /** Records per multi-row insert ({@link #insertRecords}): 18 parameters a row stay far below both databases' limits. */
    static final int INSERT_CHUNK = 100;

    /**
     * Inserts {@link #recordRow} rows with as few statements as possible (multi-row {@code VALUES},
     * {@value #INSERT_CHUNK} a statement), none of which replaces a held record.
     *
     * @return how many were inserted: fewer than {@code rows} when some msgid, card transaction or
     *         (terminal, sequence) was held
     */
    static int insertRecords(Connection c, List<Object[]> rows) throws SQLException {
        int inserted = 0;
        for (int from = 0; from < rows.size(); from += INSERT_CHUNK) {
            List<Object[]> part = rows.subList(from, Math.min(rows.size(), from + INSERT_CHUNK));
            List<Object> args = new ArrayList<>(part.size() * part.get(0).length);
            part.forEach(r -> args.addAll(Arrays.asList(r)));
            inserted += Sql.update(c, INSERT_INTO + String.join(",", Collections.nCopies(part.size(), ROW)) + UNLESS_HELD,
                    args.toArray());
        }
        return inserted;
    }

    /**
     * @return the parameters of {@link #INSERT_RECORD} for an accepted record with {@code status}:
     *         {@code OK} for a settlement (it counts in the reconciliation until cancelled or
     *         reversed), the record kind for records that move no money (an admission, a
     *         cancellation: kept for the chain and the audit, never counted). A settlement keeps its
     *         {@code items} (the canonical request the split was re-computed from) and the uploading
     *         institution's {@code fixmedins_code}, for supervision.
     */
    static Object[] recordRow(SignedRecord r, byte[] hash, Amounts a, String setlId, String status, String items,
            String fixmedinsCode) {
        Integer tti = r.proof().write().map(w -> w.kind().tti()).orElse(null);
        Integer counter = r.proof().write().map(w -> w.counter()).orElse(null);
        return new Object[] {r.terminalId(), r.seq(), hash, r.msgid(), setlId, r.proof().cardNo(), tti, counter,
            r.time().toEpochMilli(), r.policyVersion(), a.medfee(), a.fund(), a.acct(), a.cash(), r.result(), status,
            items, fixmedinsCode};
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
    public void flag(String terminal, String code) {
        inTransaction(c -> flag(c, terminal, code));
    }

    static int flag(Connection c, String terminal, String code) throws SQLException {
        return Sql.update(c, "UPDATE terminal SET flag=?, flagged_at=? WHERE id=?", code, System.currentTimeMillis(),
                terminal);
    }

    /** Clears a terminal's flag (after an investigation). */
    public void clearFlag(String terminal) {
        inTransaction(c -> Sql.update(c, "UPDATE terminal SET flag=NULL, flagged_at=NULL WHERE id=?", terminal));
    }

    /** @return the terminal's flag code, empty if not flagged */
    public String flagOf(String terminal) {
        return inTransaction(c -> flagOf(c, terminal));
    }

    static String flagOf(Connection c, String terminal) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT flag FROM terminal WHERE id=?", terminal)) {
            return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
        }
    }

    /** Records what a terminal last reported of its journal head. */
    public void seen(String terminal, long journalHead) {
        inTransaction(c -> seen(c, terminal, journalHead));
    }

    static int seen(Connection c, String terminal, long journalHead) throws SQLException {
        return Sql.update(c, "UPDATE terminal SET journal_head=CASE WHEN journal_head<? THEN ? ELSE journal_head END,"
                + " last_seen=? WHERE id=?", journalHead, journalHead, System.currentTimeMillis(), terminal);
    }

    /** @return what the store is, for logs (the file, or the database URL without credentials) */
    public String describe() {
        return backend.describe();
    }

    @Override
    public void close() throws SQLException {
        backend.close();
    }

    /** Unchecked wrapper of a store failure. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(SQLException e) {
            super(e);
        }

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }

        /** @return the SQLSTATE of the failure, or "" */
        public String sqlState() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof SQLException s && s.getSQLState() != null) {
                    return s.getSQLState();
                }
            }
            return "";
        }

        /**
         * @return true when the database could not be reached or went away (connection failure,
         *         shutdown, no connection free in time, too many connections): nothing was stored
         */
        public boolean unavailable() {
            String state = sqlState();
            return getCause() instanceof SQLTransientConnectionException || state.startsWith("08")
                    || state.startsWith("57P") || state.startsWith("53");
        }
    }
}
