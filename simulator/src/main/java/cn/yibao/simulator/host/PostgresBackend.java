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
                HostMetrics.storeError(failure.sqlState());
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
