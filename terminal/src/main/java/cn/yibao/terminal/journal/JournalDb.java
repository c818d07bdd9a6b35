package cn.yibao.terminal.journal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The journal file's one SQLite connection, serialised: every part of the journal
 * ({@link Transactions}, {@link SignedRecords}, {@link UploadCursor}, {@link JournalQueries},
 * {@link VisitStore}) runs its work through {@link #write} or {@link #read}, each one SQLite
 * transaction, on disk when a write returns.
 */
final class JournalDb implements AutoCloseable {

    private final Connection db;

    JournalDb(Connection db) {
        this.db = db;
    }

    /** Runs {@code work} as one durable SQLite write transaction, rolled back if it fails. */
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

    /** Runs {@code work} as one read. */
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

    /** @return the connection (use it inside {@link #write} or {@link #read} only) */
    Connection connection() {
        return db;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw new JournalException("cannot close journal: " + e.getMessage(), e);
        }
    }

    /** Work on the connection inside one transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
