package cn.yibao.terminal.cardlist;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.host.HostCalls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter's watch for lost and blacklisted cards: its copy of the host's card lists (downloaded
 * incrementally with 9120 by {@link #refresh}) and the reports of listed cards presented at the
 * counter (9121). A report is first kept on disk, then sent at once in the background; if the host
 * cannot be reached it waits in the outbox and goes with the next {@link #refresh} or
 * {@link #drain}. The cashier never waits for the host.
 */
public final class CardWatch implements AutoCloseable {

    /** The file in the data directory. */
    public static final String FILE = "card-lists.db";

    /** Most 9120 answers one refresh asks for (each holds at most a few thousand changes). */
    static final int MAX_ROUNDS = 1_000;
    /** Most changes accepted in one 9120 answer. */
    static final int MAX_CHANGES = 10_000;
    private static final int DRAIN_BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(CardWatch.class);

    private final CardListStore store;
    private final Clock clock;
    private final ExecutorService sender;
    private final Object draining = new Object();
    private final Object refreshing = new Object();
    private final HostCalls host;
    /** Set under {@link #draining} by {@link #close}: a drain that starts later sends nothing. */
    private boolean closed;

    private CardWatch(CardListStore store, Clock clock, HostCalls host) {
        this.store = store;
        this.clock = clock;
        this.host = Objects.requireNonNull(host, "host");
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "card-report");
            t.setDaemon(true);
            return t;
        });
    }

    /** Opens (creating if needed) the card lists in {@code file}; reports of listed cards wait in the outbox. */
    public static CardWatch open(Path file, Clock clock) {
        return open(file, clock, HostCalls.OFFLINE);
    }

    /**
     * Opens (creating if needed) the card lists in {@code file}, sending the reports of listed cards
     * to {@code host} at once (a {@link cn.yibao.terminal.counter.host.HostSwitch} for a host that
     * comes and goes).
     */
    public static CardWatch open(Path file, Clock clock, HostCalls host) {
        return new CardWatch(CardListStore.open(file), clock, host);
    }

    /** What one {@link #refresh} did. */
    public record Refresh(long fromVersion, long toVersion, int changes, int reportsSent) {
    }

    /** @return the list version this counter holds (0 before the first download) */
    public long version() {
        return store.version();
    }

    /** @return the listing of the first of these card identifiers that is on the lists */
    public Optional<Listing> lookup(String... cardNos) {
        return store.find(Arrays.asList(cardNos));
    }

    /** @return how many reports wait for the host */
    public int waitingReports() {
        return store.waitingCount();
    }

    /**
     * Downloads the list changes after this counter's version (9120, as many answers as the host
     * says there are), stores each answer atomically with its version, then sends the waiting
     * reports. Call it after each sign-in and periodically.
     *
     * @throws HostUnavailableException when the host cannot be reached (what was stored stays)
     * @throws CardListException when the host refuses or answers something malformed
     */
    public Refresh refresh(HostCalls calls) throws HostUnavailableException {
        long from;
        long version;
        int changes = 0;
        synchronized (refreshing) { // one download at a time: a slower one must not set the version back
            from = store.version();
            version = from;
            for (int round = 0; round < MAX_ROUNDS; round++) {
                Response r = calls.call(Infno.CARD_LIST, Json.object().put("since_version", version));
                if (!r.ok()) {
                    throw new CardListException("host refused the card list: " + r.code());
                }
                Batch batch = batch(r.output(), version);
                store.apply(batch.changes(), batch.version());
                changes += batch.changes().size();
                version = batch.version();
                if (!batch.more()) {
                    break;
                }
            }
        }
        if (changes > 0) {
            LOG.info("card lists: version {} -> {}, {} change(s)", from, version, changes);
        } else {
            LOG.debug("card lists: version {}, no change", version);
        }
        return new Refresh(from, version, changes, drain(calls));
    }

    private record Batch(List<CardListChange> changes, long version, boolean more) {
    }

    private static Batch batch(ObjectNode out, long since) {
        try {
            long version = Json.integer(out, "version");
            JsonNode entries = out.path("entries");
            if (!entries.isArray() || entries.size() > MAX_CHANGES) {
                throw new CardListException("card list: entries missing or more than " + MAX_CHANGES);
            }
            if (version < since || (version == since && !entries.isEmpty())) {
                throw new CardListException("card list: version " + version + " does not follow " + since);
            }
            List<CardListChange> changes = new ArrayList<>(entries.size());
            for (JsonNode e : entries) {
                ListStatus status;
                try {
                    status = ListStatus.valueOf(Json.text(e, "status", 12));
                } catch (IllegalArgumentException ex) {
                    throw new CardListException("card list: unknown status", ex);
                }
                changes.add(new CardListChange(Json.text(e, "card_no", 32), status, Json.text(e, "reported_at", 19)));
            }
            boolean more = out.path("more").asBoolean(false);
            if (more && version == since) {
                throw new CardListException("card list: more announced but no progress");
            }
            return new Batch(changes, version, more);
        } catch (MalformedMessageException e) {
            throw new CardListException("card list: " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the report on disk, then sends it (and any other waiting report) in the background;
     * returns at once.
     */
    public void report(ListedCardReport report) {
        try {
            store.keep(report.reportId(), report.toJson().toString(), clock.instant().toString());
        } catch (CardListException e) {
            // the refusal must still reach the cashier; the sighting is in the log at least
            LOG.error("card report {} could not be kept: {}", report.reportId(), e.getMessage());
            return;
        }
        try {
            sender.execute(this::drainInBackground);
        } catch (RejectedExecutionException e) {
            LOG.warn("card report {} kept for later: watch closed", report.reportId());
        }
    }

    private void drainInBackground() {
        try {
            drain(host);
        } catch (CardListException e) {
            LOG.warn("card reports not sent now, kept for later: {}", e.getMessage());
        }
    }

    /**
     * Sends the waiting reports, oldest first, until the host cannot be reached.
     *
     * @return how many the host took (none once the watch is closed)
     */
    public int drain(HostCalls calls) {
        synchronized (draining) {
            if (closed) {
                return 0;
            }
            int sent = 0;
            while (true) {
                List<CardListStore.Waiting> batch = store.waiting(DRAIN_BATCH);
                if (batch.isEmpty()) {
                    return sent;
                }
                for (CardListStore.Waiting waiting : batch) {
                    if (!send(calls, waiting.reportId(), waiting.body())) {
                        return sent;
                    }
                    sent++;
                }
            }
        }
    }

    /** @return true if the report left the outbox */
    private boolean send(HostCalls calls, String reportId, String body) {
        Response r;
        try {
            r = calls.call(Infno.CARD_REPORT, input(body));
        } catch (MalformedMessageException e) {
            LOG.error("card report {} unreadable in the outbox: dropped", reportId);
            store.sent(reportId);
            return true;
        } catch (HostUnavailableException e) {
            LOG.info("card report {} waits for the host: {}", reportId, e.getMessage());
            return false;
        }
        if (!r.ok() && !"BAD_INPUT".equals(r.code())) {
            LOG.warn("card report {} refused by the host ({}): kept for later", reportId, r.code());
            return false;
        }
        if (!r.ok()) {
            LOG.error("card report {} refused as malformed by the host: dropped", reportId);
        }
        store.sent(reportId);
        return true;
    }

    private static ObjectNode input(String body) {
        if (Json.parse(body) instanceof ObjectNode o) {
            return o;
        }
        throw new MalformedMessageException("not an object");
    }

    @Override
    public void close() {
        sender.shutdownNow();
        synchronized (draining) {
            closed = true;
            store.close();
        }
    }
}
