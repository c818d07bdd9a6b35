package cn.yibao.simulator.host;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded store: one SQLite file (WAL, {@code synchronous=FULL}) and one connection, used by
 * one thread at a time under this object's monitor. SQLite serialises writers anyway; a single
 * host process owns the file. A transaction started inside another on the same thread joins it.
 */
final class SqliteBackend implements StoreBackend {

    private final Path file;
    private final Connection db;
    private int depth;

    private SqliteBackend(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    static SqliteBackend open(Path file) throws SQLException {
        Path abs = file.toAbsolutePath();
        Migrations.sqlite(abs);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + abs);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
        }
        c.setAutoCommit(false);
        Sql.cacheStatements(c);
        return new SqliteBackend(abs, c);
    }

    /** Opens an existing store for reading only: nothing created, migrated or written. */
    static SqliteBackend openReadOnly(Path file) throws SQLException {
        Path abs = file.toAbsolutePath();
        if (!java.nio.file.Files.isRegularFile(abs)) {
            throw new HostStore.StoreException("no host store at " + abs + " (check --data-dir or --store)", null);
        }
        org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout(5000);
        org.sqlite.SQLiteDataSource ds = new org.sqlite.SQLiteDataSource(cfg);
        ds.setUrl("jdbc:sqlite:" + abs);
        Migrations.check(Migrations.sqliteConfig(ds), "sqlite:" + abs);
        Connection c = ds.getConnection();
        c.setAutoCommit(false);
        return new SqliteBackend(abs, c);
    }

    @Override
    public synchronized <T> T inTransaction(HostStore.Work<T> work) {
        if (depth > 0) {
            try {
                return work.run(db);
            } catch (SQLException e) {
                throw new HostStore.StoreException(e);
            }
        }
        depth++;
        try {
            T result = work.run(db);
            db.commit();
            return result;
        } catch (SQLException e) {
            rollback(e);
            throw new HostStore.StoreException(e);
        } catch (RuntimeException e) {
            rollback(e);
            throw e;
        } finally {
            depth--;
        }
    }

    private void rollback(Exception cause) {
        try {
            db.rollback();
        } catch (SQLException r) {
            cause.addSuppressed(r);
        }
    }

    @Override
    public String rowLock() {
        return ""; // one connection, one transaction at a time: nothing to lock
    }

    @Override
    public void lockCardList(Connection c) {
        // as above
    }

    @Override
    public String describe() {
        return "sqlite:" + file;
    }

    @Override
    public synchronized void close() throws SQLException {
        db.close();
    }
}
