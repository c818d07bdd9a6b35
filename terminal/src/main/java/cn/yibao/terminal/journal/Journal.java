package cn.yibao.terminal.journal;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/**
 * The terminal's crash-safe journal in one SQLite file (WAL, {@code synchronous=FULL}), in parts
 * that share its one serialised connection:
 *
 * <ul>
 *   <li>{@link #transactions()}: each transaction's steps, STARTED to COMMITTED or VOIDED;
 *       committing appends its signed record in the same SQLite transaction;</li>
 *   <li>{@link #records()}: the chain of signed records;</li>
 *   <li>{@link #uploads()}: the upload cursor, moved only by the host's acknowledgement;</li>
 *   <li>{@link #queries()}: lookups and reports over the transactions.</li>
 * </ul>
 *
 * Every method that changes something is one SQLite transaction and is on disk when it returns.
 * {@link VisitStore} keeps its tables in the same file. Thread-safe: one connection, serialised.
 */
public final class Journal implements AutoCloseable {

    private final JournalDb db;
    private final Path file;
    private final Transactions transactions;
    private final SignedRecords records;
    private final UploadCursor uploads;
    private final JournalQueries queries;

    private Journal(JournalDb db, Clock clock, Path file) {
        this.db = db;
        this.file = file;
        this.records = new SignedRecords(db);
        this.transactions = new Transactions(db, records, clock);
        this.uploads = new UploadCursor(db, records, clock);
        this.queries = new JournalQueries(db);
    }

    /** Opens (creating if needed) the journal file, readable by its owner only. */
    public static Journal open(Path file, Clock clock) {
        try {
            Connection c = OwnerOnlySqlite.connect(file);
            JournalSchema.apply(c);
            return new Journal(new JournalDb(c), clock, file);
        } catch (IOException | SQLException e) {
            throw new JournalException("cannot open journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** @return the journal file */
    public Path file() {
        return file;
    }

    /** @return the transactions' steps (begin, pre-settled, debit sent, debited, voided, commit) */
    public Transactions transactions() {
        return transactions;
    }

    /** @return the chain of signed records */
    public SignedRecords records() {
        return records;
    }

    /** @return the upload cursor and the host's acknowledgements */
    public UploadCursor uploads() {
        return uploads;
    }

    /** @return lookups and reports over the transactions */
    public JournalQueries queries() {
        return queries;
    }

    /** @return the shared connection, for the journal's additive tables ({@link VisitStore}) */
    JournalDb db() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
