package cn.yibao.hostlink.saf;

import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a {@link ForwardJournal} to the host: connect and sign in, upload the records after the cursor
 * in sequence order in batches, move the cursor to the {@code ack_seq} the host returns (the
 * highest contiguous sequence it holds) and only then; on any failure close, wait
 * ({@link Backoff}) and start again. The next batch may go before the last one's answer, up to
 * {@link ForwardSettings#uploadsInFlight} uploads in flight as the host allows at sign-in (9001
 * {@code uploads_in_flight}); the answers come in order, and an upload behind one the host did not
 * accept is not applied ({@code PRECEDING_UPLOAD_FAILED}), so the next session sends it again. A
 * refused record stops the upload until {@link #retryAfterRefusal}.
 * This class runs the session: its thread, connecting and signing in, the upload loop and the
 * waits between; the batches and what the host's answers do to the cursor are
 * {@link UploadBatches}'s.
 *
 * <p>The host may have several addresses (instances sharing one store), in order of preference.
 * When the address in use stops answering (no connection, a failed handshake, the session
 * dropped, an upload or a call timing out) the link moves to the next address, wrapping round;
 * the backoff grows per full round of the list, not per address. It stays on an address that
 * works and goes back to the preferred one only on {@link #failBack} ({@link Failover}).
 */
public final class StoreAndForward implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForward.class);

    /** What the uploader is doing. */
    public enum State { CONNECTING, UPLOADING, IDLE, BACKING_OFF, REFUSED, STOPPED }

    private final ForwardSettings settings;
    private final SslContext ssl;
    private final EventLoopGroup group;
    private final UploadBatches uploads;
    private final Failover failover;
    private final Wakeups wakeups = new Wakeups();
    private final Thread thread;
    private final AtomicLong connects = new AtomicLong();
    private volatile State state = State.CONNECTING;
    private volatile HostSession session;
    private volatile String abandoned;
    private volatile boolean databaseDown;
    private volatile Consumer<HostSession> onSignedIn = s -> { };

    public StoreAndForward(ForwardSettings settings, SslContext ssl, ForwardJournal journal, EventLoopGroup group, Random random) {
        this.settings = settings;
        this.ssl = ssl;
        this.group = group;
        this.uploads = new UploadBatches(journal, settings.batchSize());
        this.failover = new Failover(settings.hosts(), settings.backoffMin(), settings.backoffMax(), random);
        this.thread = new Thread(this::run, "store-and-forward");
        thread.setDaemon(true);
    }

    /** Starts the upload thread. */
    public void start() {
        thread.start();
    }

    /** Signals that the journal grew (or that a refusal was dealt with): upload now. */
    public void wake() {
        wakeups.wake();
    }

    /** @return the current state */
    public State state() {
        return state;
    }

    /** @return the code of the last refusal ({@code ""} if none) */
    public String refusal() {
        return uploads.refusal();
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

    /** @return whether the last session ended because the host's database was unavailable */
    public boolean databaseDown() {
        return databaseDown;
    }

    /** @return the address in use (or being tried) */
    public Endpoint address() {
        return failover.inUse();
    }

    /**
     * Goes back to the preferred (first) address: the session on another address is closed and the
     * preferred one tried at once (if it still does not answer, the link moves on as usual).
     *
     * @return whether the link was on another address
     */
    public boolean failBack() {
        if (!failover.askFailBack()) {
            return false;
        }
        wake();
        return true;
    }

    /**
     * Reports that {@code s} did not answer a call (e.g. a live call timed out): if it is still the
     * link's session it is closed and the link moves to the next address.
     */
    public void notAnswering(HostSession s, HostUnavailableException failure) {
        if (s != null && s == session) {
            abandoned = failure.reason();
            s.abort();
            wake();
        }
    }

    private void run() {
        while (wakeups.running()) {
            Endpoint at = failover.next();
            String failure = connectAndDrain(at);
            if (!wakeups.running()) {
                break;
            }
            if (failure != null && databaseDown) {
                state = State.BACKING_OFF;
                wakeups.pause(failover.databaseDown(at, failure).toMillis());
            } else if (failure != null) {
                state = State.BACKING_OFF;
                wakeups.pause(failover.failed(at, failure).toMillis());
            } else if (!failover.failBackAsked()) {
                state = State.BACKING_OFF;
                wakeups.pause(failover.idleWait().toMillis());
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
        databaseDown = false;
        try {
            state = State.CONNECTING;
            s = HostSession.open(group, at.host(), at.port(), ssl, settings.fixmedinsCode(), settings.opter(),
                    settings.heartbeat(), settings.callTimeout(), uploads::heartbeatInput,
                    settings.uploadsInFlight());
            session = s;
            s.closed().thenRun(this::wake);
            connects.incrementAndGet();
            failover.connected();
            signedIn(s);
            failure = drain(s);
        } catch (HostUnavailableException e) {
            failure = e.reason();
            databaseDown = e.databaseDown();
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

    private void signedIn(HostSession s) {
        try {
            onSignedIn.accept(s);
        } catch (RuntimeException e) {
            LOG.warn("after sign-in: {}", e.toString());
        }
    }

    /**
     * Uploads until the session ends: up to as many uploads in flight as both sides allow, each
     * after the one before it, their answers taken in order.
     *
     * @return why the host failed (the session dropped, or was abandoned by {@link #notAnswering}),
     *         or null when it ended otherwise
     */
    private String drain(HostSession s) throws HostUnavailableException {
        InFlightUploads inFlight = new InFlightUploads(s, uploads, settings.uploadsInFlight());
        boolean refusedHere = false;
        while (wakeups.running() && s.isActive()) {
            if (failover.failBackAsked()) {
                return null;
            }
            if (uploads.refused()) {
                refusedHere = true;
                wakeups.pause(1000);
                continue;
            }
            if (refusedHere && inFlight.pipelined()) {
                return null; // the host answers uploads after a refused one PRECEDING_UPLOAD_FAILED: sign in again
            }
            if (inFlight.sendNext()) {
                state = State.UPLOADING;
            } else if (inFlight.isEmpty()) {
                state = State.IDLE;
                wakeups.pause(1000);
            } else {
                UploadBatches.Outcome outcome = inFlight.answerOfOldest();
                if (outcome == UploadBatches.Outcome.SIGN_IN_AGAIN) {
                    return null;
                }
                if (outcome == UploadBatches.Outcome.REFUSED) {
                    state = State.REFUSED;
                }
            }
        }
        if (!wakeups.running()) {
            return null;
        }
        String why = abandoned;
        return why != null ? why : "session dropped";
    }

    /** After a refusal has been dealt with (e.g. the journal repaired): upload again. */
    public void retryAfterRefusal() {
        uploads.retry();
        wake();
    }

    @Override
    public void close() {
        wakeups.stop();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
