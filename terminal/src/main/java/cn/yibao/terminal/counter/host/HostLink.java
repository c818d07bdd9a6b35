package cn.yibao.terminal.counter.host;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.EventLoops;
import cn.yibao.hostlink.saf.Endpoint;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.hostlink.saf.ForwardJournal;
import cn.yibao.hostlink.saf.ForwardSettings;
import cn.yibao.hostlink.saf.StoreAndForward;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import java.security.SecureRandom;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The terminal's live link to the central host: store-and-forward of the journal's signed records
 * over a signed-in mutual-TLS session (reconnecting with backoff), and the counter's online calls
 * ({@link HostCalls}) over the same session, each bounded by the call timeout. While the link is
 * down every call fails at once as unreachable. With several host addresses the link fails over to
 * the next when the one in use stops answering (a call timing out counts) and back to the
 * preferred one on {@link #failBack}.
 */
public final class HostLink implements HostCalls, AutoCloseable {

    /**
     * Longest wait for one answer of the host: longer than the host's own wait for its database
     * (about 4 s to {@code STORE_UNAVAILABLE}, 7 s with a silent database), so that an instance whose
     * database is away says so before the terminal gives up on it and fails over.
     */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    /**
     * @param addresses   the host's addresses, preferred first
     * @param terminalId  this terminal's id (also the msgid prefix, letters and digits only)
     * @param callTimeout longest wait for one answer
     * @param backoffMin  first reconnect wait
     * @param backoffMax  longest reconnect wait
     * @param batchSize   records per upload
     */
    public record Settings(HostAddresses addresses, String terminalId, Duration callTimeout, Duration backoffMin,
            Duration backoffMax, int batchSize) {
        public Settings {
            Objects.requireNonNull(addresses, "addresses");
            Objects.requireNonNull(terminalId, "terminalId");
            if (callTimeout.isNegative() || callTimeout.isZero() || callTimeout.toSeconds() > 120) {
                throw new IllegalArgumentException("call timeout must be 1 ms .. 120 s");
            }
        }

        /** Settings for a host with one address. */
        public Settings(HostAddress address, String terminalId, Duration callTimeout, Duration backoffMin,
                Duration backoffMax, int batchSize) {
            this(HostAddresses.of(address), terminalId, callTimeout, backoffMin, backoffMax, batchSize);
        }

        /**
         * The production values: {@link #CALL_TIMEOUT} per call, reconnect after 0.5 s growing to 30 s,
         * 100 records per upload.
         */
        public static Settings of(HostAddresses addresses, String terminalId) {
            return new Settings(addresses, terminalId, CALL_TIMEOUT, Duration.ofMillis(500),
                    Duration.ofSeconds(30), 100);
        }

        /** The production values for a host with one address. */
        public static Settings of(HostAddress address, String terminalId) {
            return of(HostAddresses.of(address), terminalId);
        }
    }

    private final EventLoopGroup group;
    private final StoreAndForward saf;
    private final ForwardJournal journal;

    private HostLink(EventLoopGroup group, StoreAndForward saf, ForwardJournal journal) {
        this.group = group;
        this.saf = saf;
        this.journal = journal;
    }

    /** Starts the link: connects, signs in and uploads in the background from now on. */
    public static HostLink start(Settings settings, SslContext ssl, ForwardJournal journal) {
        return start(settings, ssl, journal, link -> { });
    }

    /**
     * Starts the link with {@code onSignedIn} in place from the first sign-in on (see
     * {@link #onSignedIn}); it gets the link, which may already be signed in before this returns.
     */
    public static HostLink start(Settings settings, SslContext ssl, ForwardJournal journal,
            Consumer<HostLink> onSignedIn) {
        String prefix = settings.terminalId().replaceAll("[^0-9A-Za-z]", "");
        prefix = prefix.substring(0, Math.min(prefix.length(), 14));
        List<Endpoint> hosts = settings.addresses().all().stream()
                .map(a -> new Endpoint(a.host(), a.port())).toList();
        ForwardSettings s = new ForwardSettings(hosts, prefix, "OP1", settings.batchSize(),
                Duration.ofSeconds(30), settings.callTimeout(), settings.backoffMin(), settings.backoffMax());
        EventLoopGroup group = EventLoops.nio(1);
        StoreAndForward saf = new StoreAndForward(s, ssl, journal, group, new SecureRandom());
        HostLink link = new HostLink(group, saf, journal);
        link.onSignedIn(() -> onSignedIn.accept(link));
        saf.start();
        return link;
    }

    @Override
    public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
        HostSession s = saf.session().orElseThrow(() -> new HostUnavailableException("host link is down"));
        return answered(s, s.request(infno, input));
    }

    @Override
    public Response call(Infno infno, String msgid, ObjectNode input) throws HostUnavailableException {
        HostSession s = saf.session().orElseThrow(() -> new HostUnavailableException("host link is down"));
        return answered(s, s.request(infno, msgid, input));
    }

    /** Sends {@code request} on {@code s}; when the host does not answer the link moves on. */
    private Response answered(HostSession s, Request request) throws HostUnavailableException {
        long t0 = System.nanoTime();
        try {
            Response r = s.call(request);
            Metrics.timer("yibao.terminal.host.calls", "infno", request.infno())
                    .record(System.nanoTime() - t0, TimeUnit.NANOSECONDS);
            return r;
        } catch (HostUnavailableException e) {
            Metrics.counter("yibao.terminal.host.unanswered", "infno", request.infno()).increment();
            if (!Thread.currentThread().isInterrupted()) {
                saf.notAnswering(s, e);
            }
            throw e;
        }
    }

    /** @return the host address in use (or being tried) */
    public HostAddress address() {
        Endpoint e = saf.address();
        return new HostAddress(e.host(), e.port());
    }

    /**
     * Goes back to the preferred (first) host address, e.g. when the operator knows the preferred
     * instance is back; if it still does not answer the link moves on as after any failure.
     *
     * @return whether the link was on another address
     */
    @Override
    public boolean failBack() {
        return saf.failBack();
    }

    @Override
    public boolean online() {
        return saf.session().isPresent();
    }

    /** Upload now (the journal grew). */
    public void wake() {
        saf.wake();
    }

    /**
     * Sets what runs after each sign-in, on the link's thread, before the upload resumes (e.g. the
     * card-list download, which may {@link #call} the host); it must not throw.
     */
    public void onSignedIn(Runnable action) {
        Objects.requireNonNull(action);
        saf.onSignedIn(session -> action.run());
    }

    /** @return what the uploader is doing */
    public StoreAndForward.State state() {
        return saf.state();
    }

    /** @return the code of the host's last refusal of a record ({@code ""} if none) */
    public String refusal() {
        return saf.refusal();
    }

    /**
     * Waits, at most {@code max}, until the host acknowledged every record up to {@code seq}; gives
     * up at once when the host refused a record.
     *
     * @return whether it did
     */
    public boolean awaitAcknowledged(long seq, Duration max) {
        saf.wake();
        return await(max, () -> journal.ackedSeq() >= seq, () -> saf.state() == StoreAndForward.State.REFUSED);
    }

    /**
     * Waits, at most {@code max}, until the link is signed in.
     *
     * @return whether it is
     */
    public boolean awaitOnline(Duration max) {
        return await(max, this::online, () -> false);
    }

    private static boolean await(Duration max, BooleanSupplier done, BooleanSupplier hopeless) {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline >= 0 || hopeless.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return true;
    }

    @Override
    public void close() {
        saf.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
