package cn.yibao.simulator.host;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.Metrics;
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
 * <p>A transaction is run again from the start (every unit of work of the host re-reads what it
 * checks, so that is safe) only after a race the code expects, at most {@value #MAX_ATTEMPTS}
 * times in all:
 * <ul>
 * <li>{@link HostStore.LostRace}, thrown by the work itself: an upload applied record by record
 * found a record's msgid or card transaction not held, then inserting it inserted nothing because
 * another terminal's upload committed the same msgid or card transaction in between
 * ({@code Ingest.exactly}). Run again, the check finds it held and answers the replay.</li>
 * <li>a deadlock (SQLSTATE 40P01): two transactions of different terminals taking the same rows
 * in different orders: the same card's account (a batch applied record by record posts in record
 * order; a cancellation posts the one card it cancels), or the same card transaction inserted by
 * two batches in different orders (a cloned card). PostgreSQL rolled one back; run again, it waits
 * for the other.</li>
 * </ul>
 * Nothing else is retried. A unique key violation (23505) raised by the database is not a race the
 * code expects (every insert that can meet a concurrent one says {@code ON CONFLICT} and looks at
 * the count, except a group commit's, which turns it into "apply each batch alone" itself:
 * {@link PostgresGroupWrite}); no statement runs above READ COMMITTED, so a serialisation failure (40001) means
 * something else changed the isolation: both are answered at once ({@code HOST_ERROR},
 * respectively {@code STORE_UNAVAILABLE}: rolled back, nothing stored). A transaction that loses
 * its race on every attempt is answered {@code STORE_UNAVAILABLE} (nothing stored; send it again).
 * A transaction whose connection broke (the database restarted: the pool's connections are stale)
 * is retried once on a fresh connection; beyond that the caller gets a
 * {@link HostStore.StoreException} that says the store is unavailable.
 */
final class PostgresBackend implements StoreBackend {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresBackend.class);
    /** Most runs of one transaction that lose races. */
    static final int MAX_ATTEMPTS = 8;
    /** SQLSTATE deadlock_detected. */
    static final String DEADLOCK = "40P01";
    /**
     * Longest wait for a pooled connection before the store is called unavailable. With one retry
     * on a fresh connection, a request meets {@code STORE_UNAVAILABLE} within about twice this,
     * well inside the terminal's call timeout (10 s), so the terminal learns that the database,
     * not the instance, is away.
     */
    static final long CONNECTION_TIMEOUT_MS = 2_000;
    /** TCP connect timeout of a new connection, seconds. */
    static final int CONNECT_TIMEOUT_S = 2;
    /** Whole connection establishment (connect, TLS, start-up, authentication), seconds. */
    static final int LOGIN_TIMEOUT_S = 3;
    /** Longest silence of the database during a statement before the connection is dropped, seconds. */
    static final int SOCKET_TIMEOUT_S = 5;

    private final HikariDataSource pool;
    private final String describe;

    private PostgresBackend(HikariDataSource pool, String describe) {
        this.pool = pool;
        this.describe = describe;
    }

    /**
     * Opens the pool; {@code readOnly}: the connections are read-only and the schema is only
     * checked, never migrated (for {@code host status} beside running instances).
     */
    static PostgresBackend open(StoreLocation at, boolean readOnly) {
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
        cfg.setReadOnly(readOnly);
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        cfg.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
        cfg.setValidationTimeout(1_000);
        // a database that accepts and never answers must not hang the host: every wait is bounded
        cfg.setInitializationFailTimeout(CONNECTION_TIMEOUT_MS);
        // the pool's use and waits as meters (hikaricp_connections_*), scraped with the host's own
        cfg.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(Metrics.globalRegistry));
        cfg.addDataSourceProperty("ApplicationName", "yibao-host");
        cfg.addDataSourceProperty("tcpKeepAlive", "true");
        cfg.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_S));
        cfg.addDataSourceProperty("loginTimeout", String.valueOf(LOGIN_TIMEOUT_S));
        cfg.addDataSourceProperty("socketTimeout", String.valueOf(SOCKET_TIMEOUT_S));
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            throw new HostStore.StoreException(StoreFailures.cannotConnect(at, e), e);
        }
        try {
            if (readOnly) {
                Migrations.checkPostgresql(pool, at.toString());
            } else {
                Migrations.postgresql(pool, at.toString());
            }
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new PostgresBackend(pool, at.toString());
    }

    @Override
    public <T> T inTransaction(HostStore.Work<T> work) {
        return run(work, false);
    }

    /**
     * Each statement of {@code work} is committed on its own (auto-commit): its writes must be one
     * statement, all or nothing ({@link PostgresGroupWrite}). Saves the round trip of a
     * {@code COMMIT}; retried as {@link #inTransaction} is.
     */
    @Override
    public <T> T inOneWrite(HostStore.Work<T> work) {
        return run(work, true);
    }

    private <T> T run(HostStore.Work<T> work, boolean autoCommit) {
        boolean reconnected = false;
        for (int attempt = 1; ; attempt++) {
            HostStore.StoreException failure;
            try {
                return autoCommit ? autoCommitted(work) : once(work);
            } catch (SQLException e) {
                failure = new HostStore.StoreException(e);
            } catch (HostStore.StoreException e) {
                failure = e;
            }
            if (failure.unavailable() && !reconnected) {
                reconnected = true;
                LOG.debug("store connection failed ({}), trying a fresh one", failure.sqlState());
            } else if (!expectedRace(failure)) {
                HostMetrics.storeError(failure.sqlState());
                throw failure;
            } else if (attempt >= MAX_ATTEMPTS) {
                HostMetrics.storeError(failure.sqlState());
                throw new HostStore.StoreException(attempt, failure);
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

    private <T> T autoCommitted(HostStore.Work<T> work) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try {
                return work.run(c);
            } finally {
                try {
                    c.setAutoCommit(false);
                } catch (SQLException e) {
                    // a broken connection: the pool drops it; what the work threw is what counts
                    LOG.debug("store connection not returned to transactions ({})", e.getSQLState());
                }
            }
        }
    }

    /** @return whether {@code failure} is a race the code expects (see the class comment): run it again */
    static boolean expectedRace(HostStore.StoreException failure) {
        return failure.lostRace() || DEADLOCK.equals(failure.sqlState());
    }

    @Override
    public String rowLock() {
        return " FOR UPDATE";
    }

    /** One statement, one round trip, for the three tables ({@link PostgresGroupWrite}). */
    @Override
    public boolean write(Connection c, GroupWrite w) throws SQLException {
        return PostgresGroupWrite.apply(c, w);
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
