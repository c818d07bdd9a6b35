package cn.yibao.simulator.counter;

import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.JournalUpload;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The host simulator in this JVM for the counter's tests: enrols the counter's terminal, starts
 * and stops listening on one port, and answers what it holds. The host verifies every record in
 * full (signature, chain, the card's TAC with the simulated issuer, the split re-computed).
 */
final class HostedCounter implements AutoCloseable {

    static final String TERMINAL = VirtualPsam.DEFAULT_TERMINAL_ID;

    final Path hostDir;
    final Path keyDir;
    final int port;
    private HostSimulator host;

    /** Enrols {@link #TERMINAL} with keys in {@code keyDir}; the host is not listening yet. */
    HostedCounter(Path hostDir, Path keyDir) throws Exception {
        this.hostDir = hostDir;
        this.keyDir = keyDir;
        TerminalCredentials.request(keyDir, TERMINAL);
        try (HostSimulator h = open()) {
            h.enrol(keyDir, TERMINAL);
        }
        try (ServerSocket s = new ServerSocket(0)) {
            this.port = s.getLocalPort();
        }
    }

    private HostSimulator open() throws Exception {
        return HostSimulator.open(hostDir);
    }

    /** @return the terminal's enrolled credentials */
    TerminalCredentials credentials() throws IOException {
        return TerminalCredentials.load(keyDir);
    }

    /** Starts the host on its port. */
    void up() throws Exception {
        host = open().listen("127.0.0.1", port);
    }

    /** Stops the host (connections drop, the port refuses). */
    void down() throws SQLException {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    /**
     * Starts a host link of {@code fixture}'s counter to this host, reconnecting quickly, with
     * {@code onSignedIn} run after each sign-in.
     */
    HostLink link(CounterFixture fixture, Runnable onSignedIn) throws Exception {
        HostLink link = HostLink.start(new HostLink.Settings(new HostAddress("localhost", port), TERMINAL,
                Duration.ofSeconds(5), Duration.ofMillis(50), Duration.ofMillis(500), 100),
                credentials().clientContext(), new JournalUpload(fixture.journal), l -> onSignedIn.run());
        fixture.chain.onCommitted(link::wake);
        fixture.host.use(link);
        return link;
    }

    /**
     * @return {records held, distinct settlements (setl_id), sum of account payments in fen} for the
     *     terminal; msgid and seq are unique keys of the host's record, so a settlement recorded twice
     *     (e.g. again after a crash) shows as a second record of the same setl_id
     */
    long[] held() throws Exception {
        return query("SELECT count(*), count(DISTINCT setl_id), coalesce(sum(acct), 0) FROM record WHERE terminal = '"
                + TERMINAL + "'");
    }

    /** @return the first row of {@code sql} on the host's store (numbers), whether the host is up or not */
    long[] query(String sql) throws Exception {
        boolean wasDown = host == null;
        HostSimulator h = wasDown ? open() : host;
        try {
            return h.store().inTransaction(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(sql)) {
                    rs.next();
                    long[] row = new long[rs.getMetaData().getColumnCount()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getLong(i + 1);
                    }
                    return row;
                }
            });
        } finally {
            if (wasDown) {
                h.close();
            }
        }
    }

    @Override
    public void close() throws SQLException {
        down();
    }
}
