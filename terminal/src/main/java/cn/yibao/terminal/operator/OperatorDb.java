package cn.yibao.terminal.operator;

import cn.yibao.terminal.journal.OwnerOnlySqlite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The counter's operator file {@value #FILE} in the data directory (SQLite, owner-only 0600): the
 * operators with their Argon2id hashes and lockout state, the console's sessions (SHA-256 of the
 * cookie only), the login links already used, and each operator's open shift. The command line
 * ({@code terminal operator …}) and a running {@code serve} share it; SQLite serialises them.
 */
public final class OperatorDb implements AutoCloseable {

    /** The file's name in the data directory. */
    public static final String FILE = "operators.db";

    private static final String[] DDL = {
        """
        CREATE TABLE IF NOT EXISTS operator(
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          role TEXT NOT NULL,
          disabled INTEGER NOT NULL DEFAULT 0,
          hash TEXT NOT NULL,
          failures INTEGER NOT NULL DEFAULT 0,
          locked_until INTEGER NOT NULL DEFAULT 0)""",
        """
        CREATE TABLE IF NOT EXISTS console_session(
          hash TEXT PRIMARY KEY,
          opter_id TEXT NOT NULL,
          created INTEGER NOT NULL,
          expires INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS used_ticket(
          nonce TEXT PRIMARY KEY,
          expires INTEGER NOT NULL)""",
        """
        CREATE TABLE IF NOT EXISTS shift(
          opter_id TEXT PRIMARY KEY,
          begin_ms INTEGER NOT NULL)""",
    };

    /** Work on the connection inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connection connection;

    private OperatorDb(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=5000");
            for (String ddl : DDL) {
                s.execute(ddl);
            }
        }
        connection.setAutoCommit(false);
        connection.commit();
    }

    /** @return the operator file of {@code dataDir}, created owner-only when absent */
    public static OperatorDb open(Path dataDir) {
        try {
            return new OperatorDb(OwnerOnlySqlite.connect(dataDir.resolve(FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + dataDir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }

    /** @return an operator store in memory only (tests, {@code serve --demo}) */
    public static OperatorDb inMemory() {
        try {
            return new OperatorDb(DriverManager.getConnection("jdbc:sqlite::memory:"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public synchronized <T> T tx(Work<T> work) {
        try {
            try {
                T out = work.run(connection);
                connection.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("operator store: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
