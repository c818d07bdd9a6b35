package cn.yibao.simulator.sandbox;

import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.simulator.card.TimingModel;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.reader.CardSlotService;
import cn.yibao.simulator.reader.ReaderControl;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.LiveCounter;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.operator.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrators' sandbox: the live counter ({@link CounterRuntime}: the settlement engine and
 * policy pack, the journal, the msgid bindings, the card session and PSAM flow, the host link over
 * mutual TLS) on simulated parts. The virtual card and PSAM are called in this JVM
 * ({@link InProcessReader}); the host simulator runs in this JVM on its SQLite store and the
 * terminal is enrolled with it on first start; {@code simulator card insert|remove} switch the card
 * through the control socket of the simulators' data directory, as with {@code simulator card start}.
 * Nothing here computes a split or answers a code of its own.
 */
public final class Sandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);

    /** The cards' and the PSAM's directory in the simulators' data directory (as {@code simulator card start}). */
    public static final String CARD_DIR = "cards";
    /** The host's directory in the simulators' data directory (as {@code simulator host}). */
    public static final String HOST_DIR = "host";

    /** How long start waits for the counter's first sign-in to the host, so that the first requests are online. */
    private static final Duration SIGN_IN = Duration.ofSeconds(15);
    /** The console operators a new sandbox has (the password is a sandbox's, documented in docs/http-api.md). */
    public static final String CASHIER = "1001";
    public static final String SUPERVISOR = "9001";
    public static final String DEMO_PASSWORD = "123456";

    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final SandboxSettings settings;
    private CardSlotService slot;
    private InProcessReader reader;
    private HostSimulator host;
    private CounterRuntime runtime;
    private AccessToken token;
    private HostLink link;
    private ApiServer server;
    private ReaderControl control;

    private Sandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    /**
     * Starts the host, the counter, the HIS API and the card slot's control socket.
     *
     * @param options the counter's devices (printer, display); the sandbox sets nothing else in them
     * @throws IllegalStateException if another reader already serves the simulators' data directory
     */
    public static Sandbox start(SandboxSettings settings, RuntimeOptions options) throws IOException {
        Sandbox sandbox = new Sandbox(settings);
        try {
            sandbox.open(options);
            return sandbox;
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        } catch (InterruptedException | SQLException | GeneralSecurityException e) {
            sandbox.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("cannot start the sandbox: " + e.getMessage(), e);
        }
    }

    private void open(RuntimeOptions options)
            throws IOException, InterruptedException, SQLException, GeneralSecurityException {
        Path terminalDir = Files.createDirectories(settings.terminalDir());
        Path simDir = Files.createDirectories(settings.simulatorDir());
        if (settings.fresh()) {
            refuseIfRunning(simDir); // never clear the state of a running sandbox or card reader
            FreshStart.clear(terminalDir, simDir);
        }
        Path cards = Files.createDirectories(simDir.resolve(CARD_DIR));
        VirtualPsam psam = new VirtualPsam(cards);
        if (settings.timing()) {
            psam.timing(TimingModel.contactPsam(), true);
        }
        reader = new InProcessReader(psam, settings.cardWait());
        slot = new CardSlotService(reader, cards, settings.timing());
        control = ReaderControl.listen(simDir, slot::handle);
        opened.push(control);
        if (settings.persona() != null) {
            LOG.info("sandbox reader: {}", slot.insert(settings.persona(), false));
        }
        String terminalId = psam.terminalId();
        startHost(simDir.resolve(HOST_DIR), HostConfig.keyDir(terminalDir), terminalId);
        runtime = CounterRuntime.open(terminalDir, reader, terminalId, settings.clock(), options);
        opened.push(runtime);
        link = runtime.connectHost(HostAddresses.of(new HostAddress("localhost", host.port()))).orElseThrow(
                () -> new IllegalStateException("the counter did not link to the sandbox's host"));
        if (!link.awaitOnline(SIGN_IN)) {
            LOG.warn("the counter has not signed in to the sandbox's host within {} s: it works offline until it does",
                    SIGN_IN.toSeconds());
        }
        token = AccessToken.loadOrCreate(terminalDir);
        server = ApiServer.start(new ApiServer.Settings(settings.port(), token, runtime.counter(), settings.clock(),
                settings.maxBodyBytes(), "220100"), terminalDir);
        opened.push(server);
    }

    /**
     * Gives a sandbox with no console operators yet its two: cashier {@link #CASHIER} and supervisor
     * {@link #SUPERVISOR}, password {@link #DEMO_PASSWORD} ({@code simulator sandbox} does, on first start).
     */
    public void seedOperators() {
        if (server.operators().list().isEmpty()) {
            server.operators().add(CASHIER, "演示收银员", Role.CASHIER, DEMO_PASSWORD.toCharArray());
            server.operators().add(SUPERVISOR, "演示主管", Role.SUPERVISOR, DEMO_PASSWORD.toCharArray());
        }
    }

    private static void refuseIfRunning(Path simDir) {
        if (!Files.exists(simDir.resolve(ReaderControl.SOCKET_NAME))) {
            return;
        }
        try {
            ReaderControl.send(simDir, "status");
        } catch (IOException stale) {
            return; // left by one that was killed
        }
        throw new IllegalStateException("a sandbox or simulator card reader already runs with " + simDir
                + ": stop it before --fresh");
    }

    /** The host on its store under {@code hostDir}; the terminal enrolled with it when either is new. */
    private void startHost(Path hostDir, Path keyDir, String terminalId)
            throws IOException, InterruptedException, SQLException, GeneralSecurityException {
        boolean newHost = !Files.exists(hostDir.resolve(HostSimulator.SQLITE_FILE));
        host = HostSimulator.open(hostDir);
        opened.push(host);
        if (!Files.exists(keyDir.resolve("tls.key"))) {
            TerminalCredentials.request(keyDir, terminalId);
        }
        if (newHost || !enrolled(keyDir, terminalId)) {
            host.enrol(keyDir, terminalId);
            LOG.info("terminal {} enrolled with the sandbox's host ({})", terminalId, hostDir);
        }
        host.listen("127.0.0.1", 0);
    }

    private static boolean enrolled(Path keyDir, String terminalId) {
        try {
            return TerminalCredentials.load(keyDir).terminalId().equals(terminalId);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the HIS API and console server */
    public ApiServer server() {
        return server;
    }

    /** @return the live counter */
    public LiveCounter counter() {
        return runtime.counter();
    }

    /** @return the counter's runtime (journal, host link) */
    public CounterRuntime runtime() {
        return runtime;
    }

    /** @return the counter's link to the in-process host */
    public HostLink hostLink() {
        return link;
    }

    /** @return the in-process host simulator */
    public HostSimulator host() {
        return host;
    }

    /** @return the API's access token, as stored in the counter's data directory */
    public AccessToken token() {
        return token;
    }

    /** @return the card slot, as {@code simulator card insert|remove} reach it */
    public CardSlotService slot() {
        return slot;
    }

    /** @return the reader (tests hold it to keep card work waiting) */
    InProcessReader reader() {
        return reader;
    }

    /** @return the card last inserted (in the field or not) */
    public Optional<cn.yibao.simulator.vpcd.VirtualIcc> card() {
        return reader == null ? Optional.empty() : reader.card();
    }

    /** @return the settings it runs with */
    public SandboxSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        while (!opened.isEmpty()) {
            AutoCloseable next = opened.pop();
            try {
                next.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", next, e);
            }
        }
    }
}
