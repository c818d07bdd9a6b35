package cn.yibao.simulator.vpcd;

import cn.yibao.simulator.vpcd.VpcdBridge.State;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The card's place in a {@link VpcdBridge}'s slot, as the bridge's callers and its worker thread
 * share it under one lock: where the card is ({@link State}), whether it is wanted in the field,
 * whether the bridge is closed, the socket while connected, the worker thread and how many times
 * vpcd accepted the connection. Every change wakes those waiting for one. Inserting starts the
 * worker (after the previous one has ended); removing closes the socket and waits for the worker.
 */
final class SlotState {

    // the bridge's log lines keep the bridge's logger name
    private static final Logger LOG = LoggerFactory.getLogger(VpcdBridge.class);
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private State state = State.REMOVED;
    private boolean wanted;
    private boolean closed;
    private Socket socket;
    private Thread worker;
    private int connections;

    /** @param name the bridge's name, for logs and the worker thread */
    SlotState(String name) {
        this.name = name;
    }

    /**
     * Wants the card in the field: starts a worker thread running {@code work}, once a previous
     * worker still cleaning up after a tear or a removal has ended. Nothing happens if the card is
     * already wanted.
     *
     * @throws IllegalStateException if the bridge is closed
     */
    void insert(Runnable work) {
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
            worker = new Thread(work, "vpcd-" + name);
            worker.setDaemon(true);
            worker.start();
        } finally {
            lock.unlock();
        }
    }

    /** No longer wants the card: closes the socket and returns once the worker has ended. */
    void remove() {
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

    /** Refuses any further {@link #insert} and removes the card. */
    void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        remove();
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

    State state() {
        return locked(() -> state);
    }

    /** Waits until the card is in {@code expected}; returns false on timeout. */
    boolean await(State expected, Duration timeout) {
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

    int connections() {
        return locked(() -> connections);
    }

    // ---- the worker's side -----------------------------------------------------------------------

    boolean wanted() {
        return locked(() -> wanted);
    }

    /**
     * Takes the connection vpcd accepted (at {@code where}) as the card's, unless the card is no
     * longer wanted (then the socket is closed).
     *
     * @return whether the card is now inserted
     */
    boolean adopt(Socket s, Object where) {
        lock.lock();
        try {
            if (!wanted) {
                closeQuietly(s);
                return false;
            }
            socket = s;
            connections++;
            setState(State.INSERTED);
            LOG.info("vpcd bridge {}: card inserted ({})", name, where);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The connection ended: its socket is closed. */
    void disconnected() {
        lock.lock();
        try {
            closeSocket();
        } finally {
            lock.unlock();
        }
    }

    /** The card left the field by itself (tear injection): it stays out until the next insert. */
    void vanished() {
        lock.lock();
        try {
            wanted = false;
        } finally {
            lock.unlock();
        }
    }

    void set(State next) {
        lock.lock();
        try {
            setState(next);
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@code nanos}, or less if the card is no longer wanted. */
    void pauseWhileWanted(long nanos) {
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

    private <T> T locked(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
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

    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }
}
