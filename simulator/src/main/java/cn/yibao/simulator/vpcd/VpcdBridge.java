package cn.yibao.simulator.vpcd;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
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
 *
 * <p>This class is the worker's loop (connect, serve, reconnect with backoff); the state it shares
 * with its callers, and the worker thread's start and end, are {@link SlotState}'s; one connection
 * is a {@link VpcdSession}.
 */
public final class VpcdBridge implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VpcdBridge.class);

    /** Default bound on a command APDU: a short APDU is at most 261 bytes. */
    public static final int DEFAULT_MAX_COMMAND = 1024;

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final int CONNECT_TIMEOUT_MILLIS = 1000;

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
    private final SlotState slot;

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
        this.slot = new SlotState(name);
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
        slot.insert(this::run);
    }

    /** Takes the card out of the field: closes the socket and returns once the card is powered off. */
    public void remove() {
        slot.remove();
    }

    /** @return the current state */
    public State state() {
        return slot.state();
    }

    /** Waits until the bridge is in {@code expected}; returns false on timeout. */
    public boolean await(State expected, Duration timeout) {
        return slot.await(expected, timeout);
    }

    /** @return how many command APDUs the card answered since this bridge was made */
    public long commandsServed() {
        return served.get();
    }

    /** @return how many times vpcd accepted the connection */
    public int connections() {
        return slot.connections();
    }

    /** @return the bridge's name */
    public String name() {
        return name;
    }

    @Override
    public void close() {
        slot.close();
    }

    private void run() {
        long backoff = MIN_BACKOFF_NANOS;
        boolean reportedRefusal = false;
        while (slot.wanted()) {
            Socket s = connect();
            if (s == null) {
                if (!reportedRefusal) {
                    LOG.info("vpcd bridge {}: nothing listens on {} yet; retrying", name, vpcd);
                    reportedRefusal = true;
                }
                slot.pauseWhileWanted(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                continue;
            }
            if (!slot.adopt(s, vpcd)) {
                break;
            }
            backoff = MIN_BACKOFF_NANOS;
            reportedRefusal = false;
            boolean torn = session.serve(s);
            slot.disconnected();
            icc.powerOff();
            LOG.info("vpcd bridge {}: card out of the field", name);
            if (torn) {
                slot.vanished();
            } else if (slot.wanted()) {
                LOG.warn("vpcd bridge {}: vpcd closed the connection (pcscd restarted?); reconnecting", name);
                slot.set(State.CONNECTING);
            }
        }
        slot.set(State.REMOVED);
    }

    private Socket connect() {
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            VpcdSession.quickAck(s);
            s.connect(vpcd, CONNECT_TIMEOUT_MILLIS);
            return s;
        } catch (IOException e) {
            SlotState.closeQuietly(s);
            return null;
        }
    }
}
