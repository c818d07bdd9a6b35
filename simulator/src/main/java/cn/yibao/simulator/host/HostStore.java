package cn.yibao.simulator.host;

import cn.yibao.hostlink.record.ChainView;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.SignedRecord;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The host simulator's embedded SQLite store (WAL, {@code synchronous=FULL}): terminals and their
 * chain heads, records (unique by terminal and sequence, by msgid, and — when the card was written —
 * by card, TTI and card counter),
 * answered requests by msgid, personal accounts with year-to-date accumulators, the card list
 * and policy packs. One connection; callers hold the store's monitor for a transaction
 * ({@link #inTransaction}). Row-level helpers live in {@link Ledger} and {@link Registry}.
 */
public final class HostStore implements ChainView, AutoCloseable {

    /** A unit of work inside one SQLite transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS terminal(id TEXT PRIMARY KEY, sign_cert BLOB NOT NULL, enrolled_at INTEGER NOT NULL,"
            + " high_seq INTEGER NOT NULL DEFAULT 0, last_hash BLOB, flag TEXT, flagged_at INTEGER,"
            + " journal_head INTEGER NOT NULL DEFAULT 0, last_seen INTEGER)",
        "CREATE TABLE IF NOT EXISTS record(terminal TEXT NOT NULL, seq INTEGER NOT NULL, hash BLOB NOT NULL,"
            + " msgid TEXT NOT NULL UNIQUE, setl_id TEXT NOT NULL, card_no TEXT NOT NULL, card_tti INTEGER, card_counter INTEGER,"
            + " time INTEGER NOT NULL, policy_version TEXT NOT NULL, medfee INTEGER NOT NULL, fund INTEGER NOT NULL,"
            + " acct INTEGER NOT NULL, cash INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'OK', result TEXT NOT NULL,"
            + " items TEXT, fixmedins_code TEXT,"
            + " PRIMARY KEY(terminal, seq), UNIQUE(card_no, card_tti, card_counter))",
        "CREATE INDEX IF NOT EXISTS record_setl ON record(setl_id)",
        "CREATE TABLE IF NOT EXISTS answered(msgid TEXT PRIMARY KEY, terminal TEXT NOT NULL, infno TEXT NOT NULL,"
            + " target TEXT NOT NULL, response TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS account(card_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL, psn_name TEXT NOT NULL,"
            + " balance INTEGER NOT NULL, ytd_medfee INTEGER NOT NULL DEFAULT 0, ytd_fund INTEGER NOT NULL DEFAULT 0,"
            + " ytd_acct INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE IF NOT EXISTS card_list(version INTEGER PRIMARY KEY AUTOINCREMENT, card_no TEXT NOT NULL,"
            + " status TEXT NOT NULL, reported_at INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS policy_pack(version TEXT PRIMARY KEY, bytes BLOB NOT NULL, published_at INTEGER NOT NULL)",
        CardReports.DDL,
        Inventory.DDL[0],
        Inventory.DDL[1],
    };

    private final Connection db;
    private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

    private HostStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating if needed) the store at {@code file}. */
    public static HostStore open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            for (String ddl : SCHEMA) {
                s.execute(ddl);
            }
            // stores made before a settlement's items and institution were kept
            addColumn(s, "record", "items");
            addColumn(s, "record", "fixmedins_code");
            // stores made before a sighting kept the reporting institution
            addColumn(s, "card_sighting", "fixmedins_code");
        }
        c.setAutoCommit(false);
        c.commit();
        return new HostStore(c);
    }

    private static void addColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return;
                }
            }
        }
        s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT");
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public synchronized <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(db);
            db.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new StoreException(e);
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    private void rollback(Exception cause) {
        try {
            db.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    /** Registers (or re-registers) a terminal with its SM2 signing certificate. */
    public void enrol(String terminal, X509Certificate signCert) {
        inTransaction(c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO terminal(id, sign_cert, enrolled_at) VALUES(?,?,?)"
                    + " ON CONFLICT(id) DO UPDATE SET sign_cert=excluded.sign_cert")) {
                p.setString(1, terminal);
                p.setBytes(2, signCert.getEncoded());
                p.setLong(3, System.currentTimeMillis());
                p.executeUpdate();
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new SQLException("bad certificate", e);
            }
            return null;
        });
        keys.put(terminal, signCert.getPublicKey());
    }

    @Override
    public Optional<PublicKey> signingKey(String terminal) {
        PublicKey k = keys.get(terminal);
        if (k != null) {
            return Optional.of(k);
        }
        byte[] der = inTransaction(c -> Sql.bytes(c, "SELECT sign_cert FROM terminal WHERE id=?", terminal));
        if (der == null) {
            return Optional.empty();
        }
        try {
            // Bouncy Castle's factory: the JDK's cannot decode an SM2 (sm2p256v1) public key
            k = CertificateFactory.getInstance("X.509", cn.yibao.hostlink.tls.Crypto.provider())
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
        } catch (CertificateException e) {
            return Optional.empty();
        }
        keys.put(terminal, k);
        return Optional.of(k);
    }

    @Override
    public synchronized long highestSeq(String terminal) {
        return Sql.longValue(db, "SELECT high_seq FROM terminal WHERE id=?", 0, terminal);
    }

    @Override
    public synchronized byte[] hashAt(String terminal, long seq) {
        return Sql.bytes(db, "SELECT hash FROM record WHERE terminal=? AND seq=?", terminal, seq);
    }

    @Override
    public synchronized boolean msgidHeld(String msgid) {
        return Sql.longValue(db, "SELECT count(*) FROM record WHERE msgid=?", 0, msgid) > 0;
    }

    @Override
    public synchronized boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
        return Sql.longValue(db, "SELECT count(*) FROM record WHERE card_no=? AND card_tti=? AND card_counter=?", 0,
                cardNo, kind.tti(), counter) > 0;
    }

    /** Inserts an accepted record and moves the terminal's chain head (inside a transaction). */
    static void insert(Connection c, SignedRecord r, byte[] hash, Amounts a, String setlId) throws SQLException {
        insert(c, r, hash, a, setlId, "OK", null, null);
    }

    /**
     * Stores an accepted record with {@code status}: {@code OK} for a settlement (it counts in the
     * reconciliation until cancelled or reversed), the record kind for records that move no money
     * (an admission, a cancellation: kept for the chain and the audit, never counted). A settlement
     * keeps its {@code items} (the canonical request the split was re-computed from) and the
     * uploading institution's {@code fixmedins_code}, for supervision.
     */
    static void insert(Connection c, SignedRecord r, byte[] hash, Amounts a, String setlId, String status,
            String items, String fixmedinsCode) throws SQLException {
        Integer tti = r.proof().write().map(w -> w.kind().tti()).orElse(null);
        Integer counter = r.proof().write().map(w -> w.counter()).orElse(null);
        Sql.update(c, "INSERT INTO record(terminal, seq, hash, msgid, setl_id, card_no, card_tti, card_counter, time,"
                + " policy_version, medfee, fund, acct, cash, result, status, items, fixmedins_code)"
                + " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.terminalId(), r.seq(), hash, r.msgid(), setlId, r.proof().cardNo(), tti, counter,
                r.time().toEpochMilli(), r.policyVersion(), a.medfee(), a.fund(), a.acct(), a.cash(), r.result(), status,
                items, fixmedinsCode);
        Sql.update(c, "UPDATE terminal SET high_seq=?, last_hash=? WHERE id=?", r.seq(), hash, r.terminalId());
    }

    /** Flags a terminal with the code of the failed check. */
    public void flag(String terminal, String code) {
        inTransaction(c -> Sql.update(c, "UPDATE terminal SET flag=?, flagged_at=? WHERE id=?", code,
                System.currentTimeMillis(), terminal));
    }

    /** Clears a terminal's flag (after an investigation). */
    public void clearFlag(String terminal) {
        inTransaction(c -> Sql.update(c, "UPDATE terminal SET flag=NULL, flagged_at=NULL WHERE id=?", terminal));
    }

    /** @return the terminal's flag code, empty if not flagged */
    public String flagOf(String terminal) {
        return inTransaction(c -> {
            try (ResultSet rs = Sql.query(c, "SELECT flag FROM terminal WHERE id=?", terminal)) {
                return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
            }
        });
    }

    /** Records what a terminal last reported of its journal head. */
    public void seen(String terminal, long journalHead) {
        inTransaction(c -> Sql.update(c, "UPDATE terminal SET journal_head=max(journal_head, ?), last_seen=? WHERE id=?",
                journalHead, System.currentTimeMillis(), terminal));
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }

    /** Unchecked wrapper of a store failure. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StoreException(SQLException e) {
            super(e);
        }
    }
}
