package cn.yibao.terminal.counter.live;

import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.hostlink.tls.Pem;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.terminal.cardlist.CardListException;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.policy.PolicyPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires a live counter from a data directory: the journal ({@code journal.db}), the terminal's keys
 * ({@code host-link/}, as {@code terminal enrol} makes them; created with their certification
 * requests on first use if enrolment has not run yet), the policy pack and the catalog. Opening it runs crash recovery first.
 */
public final class CounterRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CounterRuntime.class);

    private final Journal journal;
    private final LiveCounter counter;
    private final Recovery recovery;
    private final String terminalId;
    private final Path dataDir;
    private final RecordChain chain;
    private final HostSwitch hostSwitch;
    private volatile HostLink link;
    private volatile Runnable onSignedIn = () -> { };
    private final CounterSettings settings;
    /** Card-list downloads, off the link's thread (its thread starts with the first task). */
    private final ScheduledExecutorService listRefresh = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "card-list-refresh");
        t.setDaemon(true);
        return t;
    });

    private CounterRuntime(Journal journal, LiveCounter counter, Recovery recovery, String terminalId, Path dataDir,
            RecordChain chain, CounterSettings settings, HostSwitch hostSwitch) {
        this.settings = settings;
        this.hostSwitch = hostSwitch;
        this.journal = journal;
        this.counter = counter;
        this.recovery = recovery;
        this.terminalId = terminalId;
        this.dataDir = dataDir;
        this.chain = chain;
    }

    /** Opens the counter in {@code dataDir} for terminal {@code terminalId}, recovering what a crash left. */
    public static CounterRuntime open(Path dataDir, CardAccess cards, String terminalId, Clock clock) {
        return open(dataDir, cards, terminalId, clock, RuntimeOptions.defaults());
    }

    /**
     * As {@link #open(Path, CardAccess, String, Clock)}, with the counter's devices, policy pack and
     * host switch as {@code options} say.
     */
    public static CounterRuntime open(Path dataDir, CardAccess cards, String terminalId, Clock clock,
            RuntimeOptions options) {
        PolicyPack pack = options.pack();
        try {
            PrivateKey key = signingKey(HostConfig.keyDir(dataDir), terminalId);
            Path catalogFile = dataDir.resolve("catalog.json");
            BundledCatalog catalog = Files.exists(catalogFile) ? BundledCatalog.load(catalogFile) : BundledCatalog.bundled();
            Journal journal = Journal.open(dataDir.resolve("journal.db"), clock);
            RecordChain chain = new RecordChain(journal.transactions(), terminalId, key,
                    pack.policyVersion());
            CounterSettings settings = CounterSettings.read(dataDir);
            HostSwitch host = options.hostSwitch();
            LiveCounterBuilder builder = LiveCounter.builder(cards, pack, catalog, journal, chain, clock).host(host)
                    .institutionLevel(settings.institutionLevel());
            options.receiptDesk().ifPresent(builder::receiptDesk);
            options.customerDisplay().ifPresent(builder::customerDisplay);
            options.wirePinPad(builder);
            CounterRuntime runtime = new CounterRuntime(journal, builder.build(), new Recovery(cards, journal, chain),
                    terminalId, dataDir, chain, settings, host);
            int unfinished = journal.queries().unfinished().size();
            if (unfinished > 0) {
                LOG.warn("{} unfinished transaction(s) in the journal: recovering", unfinished);
                runtime.recover();
            }
            return runtime;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the counter in " + dataDir, e);
        }
    }

    private static PrivateKey signingKey(Path dir, String terminalId) throws IOException {
        Path key = dir.resolve("sign.key");
        if (!Files.exists(key)) {
            LOG.warn("terminal {} has no keys yet: generating them and their certification requests in {}", terminalId, dir);
            TerminalCredentials.request(dir, terminalId);
        }
        return Pem.readKey(key);
    }

    /** Finishes or voids what a crash left unfinished (needs the same card on the reader for a torn debit). */
    public Recovery.Report recover() {
        return recovery.run();
    }

    /**
     * Starts the link to the host configured by {@code terminal enrol --host} (or {@code address}
     * when not null): store-and-forward of the journal, woken by each commit, and the counter's
     * online calls. Without a host or without the host's certificates the counter stays offline.
     *
     * @return the link, or empty when the counter works offline
     */
    public Optional<HostLink> connectHost(HostAddress address) {
        return connectHost(address == null ? null : HostAddresses.of(address));
    }

    /**
     * Starts the link to the host's addresses configured by {@code terminal enrol --host} (or
     * {@code addresses} when not null), failing over between them; see {@link #connectHost(HostAddress)}.
     *
     * @return the link, or empty when the counter works offline
     */
    public synchronized Optional<HostLink> connectHost(HostAddresses addresses) {
        if (link != null) {
            return Optional.of(link);
        }
        Path keys = HostConfig.keyDir(dataDir);
        Optional<HostAddresses> host = addresses != null ? Optional.of(addresses) : HostConfig.read(keys);
        if (host.isEmpty()) {
            LOG.info("no host configured (terminal enrol --host): the counter works offline");
            return Optional.empty();
        }
        TerminalCredentials creds;
        try {
            creds = TerminalCredentials.load(keys);
            if (!creds.terminalId().equals(terminalId)) {
                LOG.error("the certificates in {} are for terminal {}, not {}: working offline", keys,
                        creds.terminalId(), terminalId);
                return Optional.empty();
            }
            link = HostLink.start(HostLink.Settings.of(host.get(), terminalId), creds.clientContext(),
                    new JournalUpload(journal), this::signedIn);
        } catch (IOException e) {
            LOG.warn("terminal {} is not enrolled with the host ({}): working offline", terminalId, e.getMessage());
            return Optional.empty();
        }
        chain.onCommitted(link::wake);
        hostSwitch.use(link);
        startListRefresh();
        LOG.info("host link to {} started; card lists refreshed every {} s while it is up", host.get(),
                settings.cardListEvery().toSeconds());
        return Optional.of(link);
    }

    /** Refreshes the card lists every {@link CounterSettings#cardListEvery} while the link is signed in. */
    private void startListRefresh() {
        long every = settings.cardListEvery().toMillis();
        listRefresh.scheduleWithFixedDelay(() -> {
            HostLink current = link;
            if (current != null && current.online()) {
                refreshInBackground(current);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void refreshInBackground(HostLink current) {
        try {
            refreshCardLists(current);
        } catch (RuntimeException e) {
            LOG.error("card-list refresh failed; trying again at the next interval", e);
        }
    }

    /**
     * After each sign-in: the card lists' changes and the waiting listed-card reports, in the
     * background (a first download of a long list must not hold back the upload), then the caller's hook.
     */
    private void signedIn(HostLink current) {
        HostConfig.writeInUse(HostConfig.keyDir(dataDir), current.address(), java.time.Instant.now()); // for terminal status
        try {
            listRefresh.execute(() -> refreshInBackground(current));
        } catch (RejectedExecutionException closing) {
            LOG.debug("counter closing: no card-list refresh");
        }
        onSignedIn.run();
    }

    /**
     * Sets what else runs after each sign-in to the host, on the link's thread before the upload
     * resumes (the card lists are refreshed meanwhile in the background); set it before or after
     * {@link #connectHost}, it applies from the next sign-in. It must not throw.
     */
    public void onHostSignedIn(Runnable action) {
        this.onSignedIn = Objects.requireNonNull(action);
    }

    public LiveCounter counter() {
        return counter;
    }

    public Journal journal() {
        return journal;
    }

    public String terminalId() {
        return terminalId;
    }

    /**
     * Downloads the card lists' changes from {@code from} and sends it the waiting reports (the
     * reports of listed cards presented later go through the counter's host switch). The runtime
     * calls it after each sign-in and every {@link CounterSettings#cardListEvery} while the link is
     * up; it never throws for the host's sake (the lists stay as they were).
     *
     * @return what the download did, or empty when the host could not be reached or answered badly
     */
    public Optional<CardWatch.Refresh> refreshCardLists(HostCalls from) {
        try {
            return Optional.of(counter.cardWatch().refresh(from));
        } catch (HostUnavailableException e) {
            LOG.info("card lists not refreshed, host unreachable: {}", e.getMessage());
        } catch (CardListException e) {
            LOG.error("card lists not refreshed: {}", e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        synchronized (this) {
            listRefresh.shutdownNow();
            if (link != null) {
                hostSwitch.use(HostCalls.OFFLINE);
                link.close();
                link = null;
            }
        }
        try {
            // a refresh under way ends quickly once the link is closed; let it before its store closes
            if (!listRefresh.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("card-list refresh still running at close");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        counter.cardWatch().close();
        journal.close();
    }
}
