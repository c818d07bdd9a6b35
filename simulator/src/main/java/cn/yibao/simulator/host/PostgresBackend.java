package cn.yibao.simulator.host;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The central store: a PostgreSQL database shared by every host instance, reached through a
 * HikariCP pool. Transactions run at READ COMMITTED: each statement sees what other instances
 * committed before it, and the work that must not interleave takes a row lock first
 * ({@link HostStore#lockTerminal}: {@code SELECT … FOR UPDATE} on the terminal's row), so the second of two
 * uploads of one terminal waits for the first and then reads its chain head. Unique constraints
 * (terminal and sequence, msgid, card transaction) stand behind the locks.
 *
 * <p>A transaction that loses a race (serialisation failure, deadlock between two terminals
 * settling the same card, a unique key taken by a concurrent commit) is run again from the start:
 * every unit of work of the host re-reads what it checks, so running it again is safe. So is a
 * transaction whose connection broke (the database restarted: the pool's connections are stale),
 * which is retried once on a fresh connection; beyond that the caller gets a
 * {@link HostStore.StoreException} that says the store is unavailable.
 */
final class PostgresBackend implements StoreBackend {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBackend.class);
    /** Most runs of one transaction that lose races. */
    static final int MAX_ATTEMPTS = 8;
    /** Longest wait for a pooled connection before the store is called unavailable. */
    static final long CONNECTION_TIMEOUT_MS = 3_000;

    private final HikariDataSource pool;
    private final String describe;

    private PostgresBackend(HikariDataSource pool, String describe) {
        this.pool = pool;
        this.describe = describe;
    }

    static PostgresBackend open(StoreLocation at) {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl(at.jdbcUrl());
        if (at.user() != null) {
            cfg.setUsername(at.user());
        }
        if (at.password() != null) {
            cfg.setPassword(at.password());
        }
        cfg.setPoolName("host-store");
        cfg.setMaximumPoolSize(at.poolSize());
        cfg.setMinimumIdle(Math.min(2, at.poolSize()));
        cfg.setAutoCommit(false);
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        cfg.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        cfg.setValidationTimeout(1_000);
        cfg.addDataSourceProperty("ApplicationName", "yibao-host");
        cfg.addDataSourceProperty("tcpKeepAlive", "true");
        HikariDataSource pool = new HikariDataSource(cfg);
        try {
            Migrations.postgresql(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresBackend(pool, at.toString());
    }

    @Override
    public <T> T inTransaction(HostStore.Work<T> work) {
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            HostStore.StoreException failure;
            try {
                return once(work);
            } catch (SQLException e) {
                failure = new HostStore.StoreException(e);
            } catch (HostStore.StoreException e) {
                failure = e;
            }
            if (failure.unavailable() && !reconnected) {
                reconnected = true;
                LOG.debug("store connection failed ({}), trying a fresh one", failure.sqlState());
            } else if (!lostRace(failure.sqlState()) || attempt >= MAX_ATTEMPTS) {
                throw failure;
            }
            LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_000_000L, 1_000_000L << Math.min(attempt, 5)));
        }
    }

    private <T> T once(HostStore.Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
        }
    }

    /** Serialisation failure, deadlock, or a unique key taken by a concurrent transaction. */
    static boolean lostRace(String state) {
        return "40001".equals(state) || "40P01".equals(state) || "23505".equals(state);
    }

    @Override
    public String rowLock() {
        return " FOR UPDATE";
    }

    @Override
    public void lockCardList(Connection c) throws SQLException {
        Sql.update(c, "LOCK TABLE card_list IN SHARE ROW EXCLUSIVE MODE");
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        pool.close();
    }
}
