package cn.yibao.simulator.vpcd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugs a {@link VirtualIcc} into one slot of pcscd's vpcd driver: connecting to vpcd's port is
 * inserting the card, closing the socket is removing it. While inserted, the bridge answers vpcd's
 * control frames (power, reset, ATR) and passes command APDUs to the card.
 *
 * <p>If the connection drops without {@link #remove()} (pcscd restarted), the card is powered off
 * and the bridge reconnects until vpcd listens again. A card whose tear injection fires throws from
 * {@link VirtualIcc#process(byte[])} an exception the {@code vanished} predicate recognises: the
 * bridge then closes the socket without answering (the terminal sees the card leave mid-command)
 * and stays removed until the next {@link #insert()}.
 *
 * <p>Sockets use TCP_NODELAY and TCP_QUICKACK (re-armed after every read): without QUICKACK the
 * delayed ACK costs about 40 ms per APDU.
 */
public final class VpcdBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VpcdBridge.class);

    /** Default bound on a command APDU: a short APDU is at most 261 bytes. */
    public static final int DEFAULT_MAX_COMMAND = 1024;

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    /** Where the bridge is in the card's life. */
    public enum State {
        /** Not in the field. */
        REMOVED,
        /** In the field, waiting for vpcd to accept the connection. */
        CONNECTING,
        /** Connected: pcscd sees the card. */
        INSERTED
    }

    private final String name;
    private final InetSocketAddress vpcd;
    private final VirtualIcc icc;
    private final VpcdSession session;
    private final AtomicLong served = new AtomicLong();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.REMOVED;
    private boolean wanted;
    private boolean closed;
    private Socket socket;
    private Thread worker;
    private int connections;

    /**
     * @param name a short name for logs and the thread ("card", "psam")
     * @param vpcd vpcd's address for the slot
     * @param icc the card
     * @param maxCommand longest command APDU accepted; longer ones are skipped and answered 6700
     * @param vanished recognises the exception a card throws when it leaves the field (tear
     *     injection); any other exception from the card is logged and answered 6F00
     */
    public VpcdBridge(String name, InetSocketAddress vpcd, VirtualIcc icc, int maxCommand,
            Predicate<? super RuntimeException> vanished) {
        if (maxCommand < 4 || maxCommand > VpcdFrames.MAX_PAYLOAD) {
            throw new IllegalArgumentException("maxCommand must be 4.." + VpcdFrames.MAX_PAYLOAD);
        }
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.vpcd = java.util.Objects.requireNonNull(vpcd, "vpcd");
        this.icc = java.util.Objects.requireNonNull(icc, "icc");
        this.session = new VpcdSession(name, icc, maxCommand, java.util.Objects.requireNonNull(vanished, "vanished"),
                served);
    }

    /**
     * A bridge to vpcd on this host's loopback at {@code port}; the card vanishes by throwing a
     * {@code vanishedType}.
     */
    public static VpcdBridge local(String name, int port, VirtualIcc icc,
            Class<? extends RuntimeException> vanishedType) {
        return new VpcdBridge(name, new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), icc,
                DEFAULT_MAX_COMMAND, vanishedType::isInstance);
    }

    /** Puts the card into the field: connects (in the background) and keeps reconnecting. */
    public void insert() {
        Thread previous;
        lock.lock();
        try {
            if (wanted) {
                return;
            }
            previous = worker;
        } finally {
            lock.unlock();
        }
        join(previous); // a worker still cleaning up after a tear or a removal
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("vpcd bridge " + name + " is closed");
            }
            if (wanted) {
                return;
            }
            wanted = true;
            setState(State.CONNECTING);
            worker = new Thread(this::run, "vpcd-" + name);
            worker.setDaemon(true);
            worker.start();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the card out of the field: closes the socket and returns once the card is powered off. */
    public void remove() {
        Thread w;
        lock.lock();
        try {
            wanted = false;
            closeSocket();
            changed.signalAll();
            w = worker;
        } finally {
            lock.unlock();
        }
        join(w);
    }

    private void join(Thread w) {
        if (w == null || w == Thread.currentThread()) {
            return;
        }
        try {
            w.join(JOIN_TIMEOUT.toMillis());
            if (w.isAlive()) {
                LOG.warn("vpcd bridge {}: the card did not stop within {}", name, JOIN_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** @return the current state */
    public State state() {
        return locked(() -> state);
    }

    /** Waits until the bridge is in {@code expected}; returns false on timeout. */
    public boolean await(State expected, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (state != expected) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** @return how many command APDUs the card answered since this bridge was made */
    public long commandsServed() {
        return served.get();
    }

    /** @return how many times vpcd accepted the connection */
    public int connections() {
        return locked(() -> connections);
    }

    /** @return the bridge's name */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        remove();
    }

    private void run() {
        long backoff = MIN_BACKOFF_NANOS;
        boolean reportedRefusal = false;
        while (isWanted()) {
            Socket s = connect();
            if (s == null) {
                if (!reportedRefusal) {
                    LOG.info("vpcd bridge {}: nothing listens on {} yet; retrying", name, vpcd);
                    reportedRefusal = true;
                }
                pauseWhileWanted(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                continue;
            }
            if (!adopt(s)) {
                break;
            }
            backoff = MIN_BACKOFF_NANOS;
            reportedRefusal = false;
            boolean torn = session.serve(s);
            lock.lock();
            try {
                closeSocket();
            } finally {
                lock.unlock();
            }
            icc.powerOff();
            LOG.info("vpcd bridge {}: card out of the field", name);
            if (torn) {
                lock.lock();
                try {
                    wanted = false;
                } finally {
                    lock.unlock();
                }
            } else if (isWanted()) {
                LOG.warn("vpcd bridge {}: vpcd closed the connection (pcscd restarted?); reconnecting", name);
                setStateLocked(State.CONNECTING);
            }
        }
        setStateLocked(State.REMOVED);
    }

    private boolean adopt(Socket s) {
        lock.lock();
        try {
            if (!wanted) {
                closeQuietly(s);
                return false;
            }
            socket = s;
            connections++;
            setState(State.INSERTED);
            LOG.info("vpcd bridge {}: card inserted ({})", name, vpcd);
            return true;
        } finally {
            lock.unlock();
        }
    }

    private Socket connect() {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            VpcdSession.quickAck(s);
            s.connect(vpcd, CONNECT_TIMEOUT_MILLIS);
            return s;
        } catch (IOException e) {
            closeQuietly(s);
            return null;
        }
    }

    private boolean isWanted() {
        return locked(() -> wanted);
    }

    private <T> T locked(java.util.function.Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    private void pauseWhileWanted(long nanos) {
        lock.lock();
        try {
            long remaining = nanos;
            while (wanted && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            wanted = false;
        } finally {
            lock.unlock();
        }
    }

    private void setStateLocked(State next) {
        lock.lock();
        try {
            setState(next);
        } finally {
            lock.unlock();
        }
    }

    private void setState(State next) {
        state = next;
        changed.signalAll();
    }

    private void closeSocket() {
        if (socket != null) {
            closeQuietly(socket);
            socket = null;
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
