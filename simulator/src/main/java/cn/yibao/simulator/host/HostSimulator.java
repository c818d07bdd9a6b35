package cn.yibao.simulator.host;

import cn.yibao.hostlink.net.HostServer;
import cn.yibao.hostlink.record.RecordVerifier;
import cn.yibao.hostlink.record.SplitRecomputer;
import cn.yibao.hostlink.record.TacVerifier;
import cn.yibao.hostlink.record.stub.KeyedTacVerifier;
import cn.yibao.hostlink.record.stub.TotalsSplitRecomputer;
import cn.yibao.hostlink.tls.HostCredentials;
import cn.yibao.hostlink.tls.TerminalCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * The host simulator in one data directory: CA and host identity ({@code pki/}), the SQLite store
 * ({@code host.db}), the simulated issuer's key ({@code issuer.key}, 0600) and the faults file.
 * Created on first start. The TAC check and the split re-computation are pluggable; until the
 * card and settlement modules provide theirs, the stand-ins of {@code record.stub} are used.
 */
public final class HostSimulator implements AutoCloseable {

    /** Version of the placeholder policy pack published on first start. */
    public static final String DEFAULT_PACK = "CC2010.1";

    private final Path dir;
    private final HostCredentials credentials;
    private final HostStore store;
    private final HostService service;
    private final Faults faults = new Faults();
    private final byte[] issuerKey;
    private HostServer server;

    private HostSimulator(Path dir, List<String> names, TacVerifier tac, SplitRecomputer split)
            throws IOException, SQLException {
        this.dir = dir;
        Files.createDirectories(dir);
        this.credentials = HostCredentials.loadOrCreate(dir.resolve("pki"), names);
        this.issuerKey = issuerKey(dir.resolve("issuer.key"));
        this.store = HostStore.open(dir.resolve("host.db"));
        TacVerifier t = tac != null ? tac : new KeyedTacVerifier(issuerKey);
        this.service = new HostService(store, new RecordVerifier(store, t, split != null ? split : new TotalsSplitRecomputer()));
        if (store.inTransaction(Registry::latestPack).isEmpty()) {
            service.publishPack(DEFAULT_PACK, "placeholder policy pack CC2010.1".getBytes(StandardCharsets.UTF_8));
        }
        faults.load(dir);
    }

    /** Opens the host's state in {@code dir} without listening (enrolment, status, set-up). */
    public static HostSimulator open(Path dir) throws IOException, SQLException {
        return new HostSimulator(dir, List.of("localhost", "127.0.0.1"), null, null);
    }

    /** Opens with explicit TAC and split checks (null: the stand-ins). */
    public static HostSimulator open(Path dir, TacVerifier tac, SplitRecomputer split) throws IOException, SQLException {
        return new HostSimulator(dir, List.of("localhost", "127.0.0.1"), tac, split);
    }

    /** Starts listening on {@code bind:port} (0: any free port). */
    public HostSimulator listen(String bind, int port) throws IOException, InterruptedException {
        server = HostServer.start(bind, port, credentials.serverContext(), service, faults,
                Math.max(2, Runtime.getRuntime().availableProcessors()), Duration.ofSeconds(90));
        return this;
    }

    /**
     * Host side of enrolment: issues the certificates for the requests in {@code terminalDir}
     * (written by the terminal's enrolment request) and registers the signing certificate.
     */
    public void enrol(Path terminalDir, String terminalId) throws IOException, GeneralSecurityException {
        store.enrol(terminalId, TerminalCredentials.issue(credentials.ca(), terminalDir, terminalId));
    }

    /** Re-reads the faults file. */
    public void reloadFaults() throws IOException {
        faults.load(dir);
    }

    private static byte[] issuerKey(Path f) throws IOException {
        if (!Files.exists(f)) {
            byte[] k = new byte[32];
            new SecureRandom().nextBytes(k);
            Files.createFile(f, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(f, HexFormat.of().formatHex(k), StandardCharsets.US_ASCII);
        }
        return HexFormat.of().parseHex(Files.readString(f, StandardCharsets.US_ASCII).trim());
    }

    /** @return the simulated issuer's master key (what virtual cards compute TACs with) */
    public byte[] issuerKey() {
        return issuerKey.clone();
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

    /** @return the fault plans */
    public Faults faults() {
        return faults;
    }

    /** @return the data directory */
    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws SQLException {
        if (server != null) {
            server.close();
        }
        store.close();
    }
}
