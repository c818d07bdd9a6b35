package cn.yibao.hostlink.saf;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the host's addresses the link tries next, and how long it waits before: it stays on an
 * address that works, moves round the list ({@link Rotation}) when the one in use stops answering,
 * and its {@link Backoff} grows once per full round of the list, not per address. Back to the
 * preferred (first) address only when the operator asks ({@link #askFailBack}).
 *
 * <p>The link's thread calls {@link #next}, {@link #connected}, {@link #failed} and
 * {@link #idleWait}; any thread may ask for the address in use and for a fail-back.
 */
final class Failover {

    // the link's log lines keep the link's logger name: operators (and FailoverIT) look for it
    private static final Logger LOG = LoggerFactory.getLogger(StoreAndForward.class);

    private final Endpoint preferred;
    private final Rotation rotation;
    private final Backoff backoff;
    /** The wait while the instances answer that their database is away: grows while it lasts. */
    private final Backoff databaseWait;
    private volatile Endpoint inUse;
    private volatile boolean failBackAsked;

    Failover(List<Endpoint> hosts, Duration backoffMin, Duration backoffMax, Random random) {
        this.rotation = new Rotation(hosts);
        this.preferred = hosts.get(0);
        this.backoff = new Backoff(backoffMin, backoffMax, random);
        this.databaseWait = new Backoff(backoffMin, backoffMax, random);
        this.inUse = rotation.current();
    }

    /** @return the address in use (or being tried) */
    Endpoint inUse() {
        return inUse;
    }

    /**
     * Asks the link to go back to the preferred address.
     *
     * @return whether the link was on another address (false: nothing to do)
     */
    boolean askFailBack() {
        if (inUse.equals(preferred)) {
            return false;
        }
        failBackAsked = true;
        return true;
    }

    /** @return whether a fail-back was asked and not yet begun: the session in use should end */
    boolean failBackAsked() {
        return failBackAsked;
    }

    /** @return the address to connect to now: the preferred one if a fail-back was asked */
    Endpoint next() {
        if (failBackAsked) {
            failBackAsked = false;
            rotation.toPreferred();
            backoff.reset();
        }
        inUse = rotation.current();
        return inUse;
    }

    /** The address in use answered: the failures counted so far are forgotten. */
    void connected() {
        backoff.reset();
        rotation.succeeded();
    }

    /**
     * The address {@code at} stopped answering ({@code why}): moves to the next address.
     *
     * @return the wait before trying it, longer after each full round of the list
     */
    Duration failed(Endpoint at, String why) {
        databaseWait.reset();
        boolean round = rotation.failed();
        inUse = rotation.current();
        if (!inUse.equals(at)) {
            LOG.warn("host link: {} not answering ({}), moving to {}", at, why, inUse);
        } else {
            LOG.debug("host link: {} not answering ({})", at, why);
        }
        return round ? backoff.next() : backoff.current();
    }

    /**
     * The instance at {@code at} answered that its database is unavailable ({@code why}): the
     * instances share that database, so the link stays on this address and waits, longer each time.
     *
     * @return the wait before trying it again
     */
    Duration databaseDown(Endpoint at, String why) {
        rotation.succeeded();
        LOG.warn("host link: the host's database is unavailable ({}: {}), staying on {}; the records wait in the journal",
                at, why, at);
        return databaseWait.next();
    }

    /** @return the wait before connecting again after a session that ended without a failure */
    Duration idleWait() {
        databaseWait.reset();
        return backoff.current();
    }
}
