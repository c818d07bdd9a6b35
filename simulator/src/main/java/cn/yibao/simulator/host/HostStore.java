package cn.yibao.simulator.host;

import cn.yibao.hostlink.record.ChainView;
import cn.yibao.hostlink.record.ProofKind;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The host's store: terminals and their chain heads, records (unique by terminal and sequence, by
 * msgid, and — when the card was written — by card, TTI and card counter), answered requests by
 * msgid, personal accounts with year-to-date accumulators, the card list, policy packs, listed-card
 * sightings and inventory. On SQLite (embedded, one host process) or PostgreSQL (shared by several
 * host instances): see {@link StoreLocation}; the schema is migrated on open ({@link Migrations}).
 * This class opens the store, runs transactions and is the chain view; the statements are the
 * tables': {@link Terminals}, {@link Records}, {@link Ledger} (accounts), {@link Registry} (card
 * list, policy packs), and {@link SigningKeys} decodes the enrolled certificates. Every check that
 * decides whether a record is taken reads the database inside the transaction that writes it
 * ({@link #view}), never a copy held by this process.
 */
public final class HostStore implements ChainView, AutoCloseable {

    /** A unit of work inside one transaction; it may be run again if the transaction lost a race. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final StoreBackend backend;
    private final SigningKeys keys = new SigningKeys();

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
                : PostgresBackend.open(at, false));
    }

    /**
     * Opens the store at {@code at} for reading only, beside running instances: nothing is created,
     * migrated or written; a store missing, or at another schema version than this host's, is refused.
     */
    public static HostStore openReadOnly(StoreLocation at) throws SQLException {
        return new HostStore(at.kind() == StoreLocation.Kind.SQLITE ? SqliteBackend.openReadOnly(at.sqlite())
                : PostgresBackend.open(at, true));
    }

    /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
    public <T> T inTransaction(Work<T> work) {
        return backend.inTransaction(work);
    }

    /**
     * Takes the terminal's row lock until the end of the transaction, so that the chain checks and
     * writes of two uploads (or cancellations) of one terminal, on any host instance, run one after
     * the other and each sees what the other committed; @return the row as the lock found it
     */
    Terminals.Head lockTerminal(Connection c, String terminal) throws SQLException {
        return Terminals.lock(c, terminal, backend.rowLock());
    }

    /** @return the backend's clause that locks the rows a {@code SELECT} reads ({@link StoreBackend#rowLock}) */
    String rowLock() {
        return backend.rowLock();
    }

    /** Runs work that reads, then writes with one all-or-nothing statement ({@link StoreBackend#inOneWrite}). */
    <T> T inOneWrite(Work<T> work) {
        return backend.inOneWrite(work);
    }

    /** Writes a group commit's heads, records and accounts ({@link StoreBackend#write}); @return whether all were */
    boolean write(Connection c, GroupWrite w) throws SQLException {
        return backend.write(c, w);
    }

    /** Serialises card-list additions until the end of the transaction. */
    void lockCardList(Connection c) throws SQLException {
        backend.lockCardList(c);
    }

    /** Registers (or re-registers) a terminal with its SM2 signing certificate. */
    public void enrol(String terminal, X509Certificate signCert) {
        inTransaction(c -> {
            Terminals.enrol(c, terminal, signCert);
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
        return inTransaction(c -> keys.of(c, terminal));
    }

    /** @return the terminal's enrolment (certificate and key) as the database holds it now */
    Optional<SigningKeys.Enrolled> enrolment(String terminal) {
        return inTransaction(c -> keys.enrolment(c, terminal));
    }

    /**
     * @return the terminal's enrolment as this instance last decoded it, else as the database holds
     *         it now: for checks outside the writing transaction, which compares it with the
     *         database's under the terminal's lock
     */
    Optional<SigningKeys.Enrolled> knownEnrolment(String terminal) {
        Optional<SigningKeys.Enrolled> known = keys.known(terminal);
        return known.isPresent() ? known : enrolment(terminal);
    }

    /** @return the enrolment of {@code terminal} with the certificate {@code der} as read by a lock (null: none) */
    Optional<SigningKeys.Enrolled> enrolment(String terminal, byte[] der) {
        return keys.decoded(terminal, der);
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
                return keys.of(c, terminal);
            }

            @Override
            public long highestSeq(String terminal) {
                return Terminals.highSeq(c, terminal);
            }

            @Override
            public byte[] hashAt(String terminal, long seq) {
                return Records.hashAt(c, terminal, seq);
            }

            @Override
            public boolean msgidHeld(String msgid) {
                return Records.msgidHeld(c, msgid);
            }

            @Override
            public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
                return Records.cardWriteHeld(c, cardNo, kind, counter);
            }
        };
    }

    /** Flags a terminal with the code of the failed check. */
    public void flag(String terminal, String code) {
        inTransaction(c -> Terminals.flag(c, terminal, code));
    }

    /** Clears a terminal's flag (after an investigation). */
    public void clearFlag(String terminal) {
        inTransaction(c -> Terminals.clearFlag(c, terminal));
    }

    /** @return the terminal's flag code, empty if not flagged */
    public String flagOf(String terminal) {
        return inTransaction(c -> Terminals.flagOf(c, terminal));
    }

    /** Records what a terminal last reported of its journal head. */
    public void seen(String terminal, long journalHead) {
        inTransaction(c -> Terminals.seen(c, terminal, journalHead));
    }

    /** @return what the store is, for logs (the file, or the database URL without credentials) */
    public String describe() {
        return backend.describe();
    }

    @Override
    public void close() throws SQLException {
        backend.close();
    }

    /**
     * Thrown by a unit of work that met a race it expects, with a concurrent transaction writing the
     * same record: the transaction is rolled back and run again, and the second run sees what the
     * other committed. Only the code that knows the race throws it (see {@link PostgresBackend}).
     */
    static final class LostRace extends SQLException {
        private static final long serialVersionUID = 1L;

        LostRace(String what) {
            super(what);
        }
    }

    /** Unchecked wrapper of a store failure. */
    public static final class StoreException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean racesLost;

        StoreException(SQLException e) {
            super(e);
            this.racesLost = false;
        }

        StoreException(String message, Throwable cause) {
            super(message, cause);
            this.racesLost = false;
        }

        /** The transaction lost its expected race on every attempt; {@code last} is the last loss. */
        StoreException(int attempts, StoreException last) {
            super("lost the race " + attempts + " times", last);
            this.racesLost = true;
        }

        /** @return whether the cause is a race the code expects ({@link LostRace}) */
        boolean lostRace() {
            for (Throwable t = getCause(); t != null; t = t.getCause()) {
                if (t instanceof LostRace) {
                    return true;
                }
            }
            return false;
        }

        /**
         * @return true when the database rolled the transaction back for a reason that says nothing
         *         about the request (SQLSTATE class 40: serialisation failure, deadlock), or when it
         *         lost its expected race on every attempt: nothing was stored, the same request sent
         *         later may succeed
         */
        public boolean rolledBack() {
            return racesLost || lostRace() || sqlState().startsWith("40");
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
