package cn.yibao.simulator.host;

import cn.yibao.hostlink.net.HostServer;
import cn.yibao.hostlink.record.RecordVerifier;
import cn.yibao.hostlink.record.SplitRecomputer;
import cn.yibao.hostlink.record.TacVerifier;
import cn.yibao.hostlink.record.IssuerTacVerifier;
import cn.yibao.hostlink.tls.HostCredentials;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.terminal.policy.PolicyPacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host simulator in one data directory: CA and host identity ({@code pki/}), the store (by
 * default the SQLite file {@code host.db} there; or a PostgreSQL database shared with other host
 * instances, which then share this directory's {@code pki/} too) and the faults file. Created on
 * first start. Faults are injected only when asked for ({@link #withFaults}, {@link #watchFaultsFile}):
 * otherwise the connections' pipelines carry no fault handlers and nothing reads the faults file. The simulated issuer holds the
 * test master keys the virtual cards are personalised with ({@link IssuerTacVerifier#testIssuer});
 * the split is re-computed by the terminal's settlement engine with the bundled policy packs
 * ({@link EngineSplitRecomputer#bundled}). Both are pluggable for tests.
 */
public final class HostSimulator implements AutoCloseable {

    /** Version ({@code region-version}) of the policy pack published on first start: the bundled Changchun 2010 pack. */
    public static final String DEFAULT_PACK = PolicyPacks.changchun2010().policyVersion();

    private final Path dir;
    private final HostCredentials credentials;
    private final HostStore store;
    private final HostService service;
    /** The fault plans, or null when this host injects no faults. */
    private volatile Faults faults;
    private ScheduledExecutorService faultsWatcher;
    private HostServer server;
    private final List<HostServer> others = new ArrayList<>();

    /** The SQLite store's file in the host's directory, unless told otherwise. */
    public static final String SQLITE_FILE = "host.db";
    /** Name of the thread that re-reads the faults file ({@link #watchFaultsFile}). */
    public static final String FAULTS_WATCHER = "host-faults-watcher";
    private static final Logger LOG = LoggerFactory.getLogger(HostSimulator.class);

    private HostSimulator(Path dir, StoreLocation at, TacVerifier tac, SplitRecomputer split)
            throws IOException, SQLException {
        this.dir = dir;
        Files.createDirectories(dir);
        // the store first: a database that cannot be reached is reported before anything is created
        this.store = HostStore.open(at != null ? at : StoreLocation.sqlite(dir.resolve(SQLITE_FILE)));
        this.credentials = HostCredentials.loadOrCreate(dir.resolve("pki"), List.of("localhost", "127.0.0.1"));
        this.service = new HostService(store, new RecordVerifier(store,
                tac != null ? tac : IssuerTacVerifier.testIssuer(),
                split != null ? split : EngineSplitRecomputer.bundled()));
        if (store.inTransaction(Registry::latestPack).isEmpty()) {
            service.publishPack(DEFAULT_PACK, PolicyPacks.changchun2010Bytes());
        }
    }

    /** Opens the host's state in {@code dir} without listening (enrolment, status, set-up). */
    public static HostSimulator open(Path dir) throws IOException, SQLException {
        return new HostSimulator(dir, null, null, null);
    }

    /** Opens the host's state in {@code dir} with its data in the store {@code at}. */
    public static HostSimulator open(Path dir, StoreLocation at) throws IOException, SQLException {
        return new HostSimulator(dir, at, null, null);
    }

    /** Opens with explicit TAC and split checks (null: the simulated issuer, the engine). */
    public static HostSimulator open(Path dir, TacVerifier tac, SplitRecomputer split) throws IOException, SQLException {
        return new HostSimulator(dir, null, tac, split);
    }

    /**
     * Starts listening on {@code bind:port} (0: any free port). The application threads are twice
     * the cores: a thread waiting for its batch's commit (SQLite {@code synchronous=FULL}: an
     * fsync) or for the store's lock leaves its core to another connection's verification.
     */
    public HostSimulator listen(String bind, int port) throws IOException, InterruptedException {
        server = serve(bind, port);
        return this;
    }

    /**
     * Starts one more listener on {@code bind:port} (0: any free port) over the same service and
     * store, as a second host instance sharing the database would be (terminal fail-over). The
     * caller may close it at any time; closing the simulator closes it too.
     */
    public HostServer listenAlso(String bind, int port) throws IOException, InterruptedException {
        HostServer also = serve(bind, port);
        synchronized (others) {
            others.add(also);
        }
        return also;
    }

    /**
     * Injects faults on the connections of the listeners started after this call: their pipelines
     * carry the fault handlers, which apply the plans of {@link #faults()}, first those of the faults
     * file. Without this call a host has no fault handlers.
     */
    public synchronized HostSimulator withFaults() throws IOException {
        if (faults == null) {
            Faults f = new Faults();
            f.load(dir);
            faults = f;
        }
        return this;
    }

    /**
     * Injects faults ({@link #withFaults}) and re-reads the faults file every {@code period} on a
     * thread named {@value #FAULTS_WATCHER}, stopped by {@link #close}: how {@code simulator host start
     * --faults} follows {@code simulator host fault}.
     */
    public synchronized HostSimulator watchFaultsFile(Duration period) throws IOException {
        withFaults();
        if (faultsWatcher == null) {
            faultsWatcher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, FAULTS_WATCHER);
                t.setDaemon(true);
                return t;
            });
            faultsWatcher.scheduleWithFixedDelay(this::reloadQuietly, period.toMillis(), period.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    private void reloadQuietly() {
        try {
            reloadFaults();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read the faults file in {} (the faults in force stay): {}", dir, e.toString());
        }
    }

    private HostServer serve(String bind, int port) throws IOException, InterruptedException {
        return HostServer.start(bind, port, credentials.serverContext(), service, faults,
                Math.max(4, 2 * Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(90));
    }

    /**
     * Host side of enrolment: issues the certificates for the requests in {@code terminalDir}
     * (written by the terminal's enrolment request) and registers the signing certificate.
     */
    public void enrol(Path terminalDir, String terminalId) throws IOException, GeneralSecurityException {
        store.enrol(terminalId, TerminalCredentials.issue(credentials.ca(), terminalDir, terminalId));
    }

    /** Re-reads the faults file (a host that injects faults only). */
    public void reloadFaults() throws IOException {
        faults().load(dir);
    }

    /** @return the listening port */
    public int port() {
        return server.port();
    }

    /** @return the server (connection counters) */
    public HostServer server() {
        return server;
    }

    /** @return the application */
    public HostService service() {
        return service;
    }

    /** @return the store */
    public HostStore store() {
        return store;
    }

    /** @return whether this host injects faults ({@link #withFaults}) */
    public boolean injectsFaults() {
        return faults != null;
    }

    /** @return the fault plans of a host that injects faults ({@link #withFaults}) */
    public Faults faults() {
        Faults f = faults;
        if (f == null) {
            throw new IllegalStateException("this host injects no faults: open it withFaults() before it listens");
        }
        return f;
    }

    /** @return the data directory */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws SQLException {
        synchronized (this) {
            if (faultsWatcher != null) {
                faultsWatcher.shutdownNow();
            }
        }
        synchronized (others) {
            others.forEach(HostServer::close);
        }
        if (server != null) {
            server.close();
        }
        service.close();
        store.close();
    }
}
