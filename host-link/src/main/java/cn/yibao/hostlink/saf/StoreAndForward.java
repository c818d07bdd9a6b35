package cn.yibao.hostlink.saf;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.net.Frames;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.UploadedRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a {@link Journal} to the host: connect and sign in, upload the records after the cursor
 * in sequence order in batches, move the cursor to the {@code ack_seq} the host returns (the
 * highest contiguous sequence it holds) and only then; on any failure close, wait
 * ({@link Backoff}) and start again. A refused record stops the upload until {@link #retryAfterRefusal}.
 *
 * <p>The host may have several addresses (instances sharing one store), in order of preference.
 * When the address in use stops answering (no connection, a failed handshake, the session
 * dropped, an upload or a call timing out) the link moves to the next address, wrapping round;
 * the backoff grows per full round of the list, not per address. It stays on an address that
 * works and goes back to the preferred one only on {@link #failBack}.
 */
public final class StoreAndForward implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForward.class);

    /** What the uploader is doing. */
    public enum State { CONNECTING, UPLOADING, IDLE, BACKING_OFF, REFUSED, STOPPED }

    /**
     * @param hosts         the host's addresses, preferred first (host names must match the host certificate)
     * @param fixmedinsCode institution code (also the msgid prefix)
     * @param opter         operator id for the envelope
     * @param batchSize     records per upload
     * @param heartbeat     idle time before a heartbeat
     * @param callTimeout   wait for each response
     * @param backoffMin    first reconnect wait
     * @param backoffMax    longest reconnect wait
     */
    public record Settings(List<Endpoint> hosts, String fixmedinsCode, String opter, int batchSize,
                           Duration heartbeat, Duration callTimeout, Duration backoffMin, Duration backoffMax) {
        public Settings {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty() || hosts.size() != Set.copyOf(hosts).size()) {
                throw new IllegalArgumentException("hosts: at least one, no duplicates");
            }
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("batch size must be 1..1000");
            }
        }

        /** Settings for a host with one address. */
        public Settings(String host, int port, String fixmedinsCode, String opter, int batchSize,
                        Duration heartbeat, Duration callTimeout, Duration backoffMin, Duration backoffMax) {
            this(List.of(new Endpoint(host, port)), fixmedinsCode, opter, batchSize, heartbeat, callTimeout,
                    backoffMin, backoffMax);
        }
    }

    private final Settings settings;
    private final SslContext ssl;
    private final Journal journal;
    private final EventLoopGroup group;
    private final Backoff backoff;
    private final Rotation rotation;
    private final Object lock = new Object();
    private final Thread thread;
    private final AtomicLong connects = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean woken;
    private volatile boolean refused;
    private volatile State state = State.CONNECTING;
    private volatile String refusal = "";
    private volatile HostSession session;
    private volatile Endpoint inUse;
    private volatile boolean failBackAsked;
    private volatile String abandoned;
    private volatile Consumer<HostSession> onSignedIn = s -> { };

    public StoreAndForward(Settings settings, SslContext ssl, Journal journal, EventLoopGroup group, Random random) {
        this.settings = settings;
        this.ssl = ssl;
        this.journal = journal;
        this.group = group;
        this.backoff = new Backoff(settings.backoffMin(), settings.backoffMax(), random);
        this.rotation = new Rotation(settings.hosts());
        this.inUse = rotation.current();
        this.thread = new Thread(this::run, "store-and-forward");
        thread.setDaemon(true);
    }

    /** Starts the upload thread. */
    public void start() {
        thread.start();
    }

    /** Signals that the journal grew (or that a refusal was dealt with): upload now. */
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /** @return the code of the last refusal ({@code ""} if none) */
    public String refusal() {
        return refusal;
    }

    /**
     * Sets what runs on the upload thread after each sign-in, before the upload resumes (e.g. a
     * card-list download over the new session); it must not throw.
     */
    public void onSignedIn(Consumer<HostSession> action) {
        this.onSignedIn = Objects.requireNonNull(action);
    }

    /**
     * @return the signed-in session while the link is up, for the terminal's other calls to the
     *         host (the connection matches responses by msgid, so calls may share it)
     */
    public Optional<HostSession> session() {
        HostSession s = session;
        return s != null && s.isActive() ? Optional.of(s) : Optional.empty();
    }

    /** @return how many times a connection was established */
    public long connects() {
        return connects.get();
    }

    /** @return the address in use (or being tried) */
    public Endpoint address() {
        return inUse;
    }

    /**
     * Goes back to the preferred (first) address: the session on another address is closed and the
     * preferred one tried at once (if it still does not answer, the link moves on as usual).
     *
     * @return whether the link was on another address
     */
    public boolean failBack() {
        if (inUse.equals(settings.hosts().get(0))) {
            return false;
        }
        failBackAsked = true;
        wake();
        return true;
    }

    /**
     * Reports that {@code s} did not answer a call (e.g. a live call timed out): if it is still the
     * link's session it is closed and the link moves to the next address.
     */
    public void notAnswering(HostSession s, HostUnavailableException failure) {
        if (s != null && s == session) {
            abandoned = reason(failure);
            s.abort();
            wake();
        }
    }

    private void run() {
        while (running) {
            if (failBackAsked) {
                failBackAsked = false;
                rotation.toPreferred();
                backoff.reset();
            }
            Endpoint at = rotation.current();
            inUse = at;
            String failure = connectAndDrain(at);
            if (!running) {
                break;
            }
            if (failure != null) {
                state = State.BACKING_OFF;
                boolean round = rotation.failed();
                inUse = rotation.current();
                if (!inUse.equals(at)) {
                    LOG.warn("host link: {} not answering ({}), moving to {}", at, failure, inUse);
                } else {
                    LOG.debug("host link: {} not answering ({})", at, failure);
                }
                pause((round ? backoff.next() : backoff.current()).toMillis());
            } else if (!failBackAsked) {
                state = State.BACKING_OFF;
                pause(backoff.current().toMillis());
            }
        }
        state = State.STOPPED;
    }

    /**
     * One session on {@code at}: connect, sign in, upload until it ends.
     *
     * @return why the address failed, or null when the session ended without a failure of the host
     *         (closing, a fail-back, a sign-in to renew)
     */
    private String connectAndDrain(Endpoint at) {
        HostSession s = null;
        String failure = null;
        abandoned = null;
        try {
            state = State.CONNECTING;
            s = HostSession.open(group, at.host(), at.port(), ssl, settings.fixmedinsCode(), settings.opter(),
                    settings.heartbeat(), settings.callTimeout(), this::heartbeatInput);
            session = s;
            s.closed().thenRun(this::wake);
            connects.incrementAndGet();
            backoff.reset();
            rotation.succeeded();
            signedIn(s);
            failure = drain(s);
        } catch (HostUnavailableException e) {
            failure = reason(e);
        } finally {
            session = null;
            if (s != null && failure == null) {
                s.close();
            } else if (s != null) {
                s.abort();
            }
        }
        return failure;
    }

    /** @return a short reason for a log line: the message, and the cause's */
    static String reason(HostUnavailableException e) {
        Throwable cause = e.getCause();
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return e.getMessage();
        }
        String m = cause.getMessage();
        if (m != null && m.startsWith(e.getMessage())) {
            return m;
        }
        return e.getMessage() + ": " + (m == null ? cause.getClass().getSimpleName() : m);
    }

    private void signedIn(HostSession s) {
        try {
            onSignedIn.accept(s);
        } catch (RuntimeException e) {
            LOG.warn("after sign-in: {}", e.toString());
        }
    }

    private ObjectNode heartbeatInput() {
        return Json.object().put("journal_head", journal.headSeq()).put("acked_seq", journal.ackedSeq());
    }

    /** Most bytes of records in one upload, so that the frame stays under {@link Frames#MAX_FRAME}. */
    static final int MAX_UPLOAD_BYTES = Frames.MAX_FRAME - 64 * 1024;

    /**
     * Uploads until the session ends.
     *
     * @return why the host failed (the session dropped, or was abandoned by {@link #notAnswering}),
     *         or null when it ended otherwise
     */
    private String drain(HostSession s) throws HostUnavailableException {
        while (running && s.isActive()) {
            if (failBackAsked) {
                return null;
            }
            if (refused) {
                pause(1000);
                continue;
            }
            List<UploadedRecord> batch = journal.after(journal.ackedSeq(), settings.batchSize());
            if (batch.isEmpty()) {
                state = State.IDLE;
                pause(1000);
                continue;
            }
            state = State.UPLOADING;
            ArrayNode records = Json.object().arrayNode();
            long bytes = 0;
            for (UploadedRecord r : batch) {
                bytes += r.wireSizeBound();
                if (bytes > MAX_UPLOAD_BYTES && !records.isEmpty()) {
                    break;
                }
                records.add(r.toJson());
            }
            ObjectNode input = Json.object().put("journal_head", journal.headSeq());
            input.set("records", records);
            Response r = s.call(Infno.UPLOAD, input);
            long ack = r.output().path("ack_seq").asLong(-1);
            if (ack > journal.ackedSeq()) {
                journal.acknowledge(ack);
            }
            if (!r.ok() && LinkRefusal.NOT_SIGNED_IN.code().equals(r.code())) {
                // a sign-in of ours that timed out was processed after this one: sign in again, same address
                LOG.debug("host no longer knows this sign-in: {}", r.errMsg());
                return null;
            }
            if (!r.ok() && LinkRefusal.transientCode(r.code())) {
                // the host instance or its database failed, nothing was refused: reconnect (with backoff) and resend
                throw new HostUnavailableException("host could not store the upload: " + r.code() + " " + r.errMsg());
            }
            if (!r.ok()) {
                refusal = r.code();
                refused = true;
                state = State.REFUSED;
                LOG.warn("host refused record {}: {}", r.output().path("rejected_seq").asLong(), r.errMsg());
            }
        }
        if (!running) {
            return null;
        }
        String why = abandoned;
        return why != null ? why : "session dropped";
    }

    /** Waits up to {@code millis} or until {@link #wake}. */
    private void pause(long millis) {
        synchronized (lock) {
            if (!woken && running) {
                try {
                    lock.wait(Math.max(1, millis));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            woken = false;
        }
    }

    /** After a refusal has been dealt with (e.g. the journal repaired): upload again. */
    public void retryAfterRefusal() {
        refused = false;
        wake();
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
