package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The live connections of terminals to this instance: how many uploads each may send before the
 * first one's answer (agreed at sign-in, 9001 {@code uploads_in_flight}; 1 unless asked), and the
 * answer to its last upload, which a pipelined one follows. Together they say how many uploads
 * could still join a group being collected ({@link GroupCommit}). A connection's calls come one at
 * a time, on its own executor, in order: connected, its requests, disconnected.
 */
final class LiveTerminals {

    /** Most uploads a connection may send before the first one's answer. */
    static final int MAX_IN_FLIGHT = 4;

    private static final class Link {
        volatile int inFlight = 1;
        volatile CompletableFuture<Response> last;
    }

    private final Map<Long, Link> links = new ConcurrentHashMap<>();
    private final AtomicInteger capacity = new AtomicInteger();

    /** A connection was authenticated: one upload at a time until it signs in asking for more. */
    void connected(Peer p) {
        if (links.putIfAbsent(p.connectionId(), new Link()) == null) {
            capacity.incrementAndGet();
        }
    }

    /** A connection closed. */
    void disconnected(Peer p) {
        Link l = links.remove(p.connectionId());
        if (l != null) {
            capacity.addAndGet(-l.inFlight);
        }
    }

    /**
     * The connection signed in asking for {@code asked} uploads in flight: a new sign-in, no
     * upload before it is followed. @return how many it may have (1–{@link #MAX_IN_FLIGHT})
     */
    int signedIn(Peer p, int asked) {
        int n = Math.max(1, Math.min(asked, MAX_IN_FLIGHT));
        Link l = links.get(p.connectionId());
        if (l == null) {
            return 1;
        }
        capacity.addAndGet(n - l.inFlight);
        l.inFlight = n;
        l.last = null;
        return n;
    }

    /** @return how many uploads the connection may have in flight */
    int inFlight(Peer p) {
        Link l = links.get(p.connectionId());
        return l == null ? 1 : l.inFlight;
    }

    /**
     * Takes {@code answer} as the answer to the connection's latest upload. @return the answer to
     * the upload before it, when the connection may pipeline (null otherwise, or for its first)
     */
    CompletableFuture<Response> follow(Peer p, CompletableFuture<Response> answer) {
        Link l = links.get(p.connectionId());
        if (l == null || l.inFlight == 1) {
            return null;
        }
        CompletableFuture<Response> before = l.last;
        l.last = answer;
        return before;
    }

    /** @return how many uploads the live connections may have in flight together */
    int capacity() {
        return capacity.get();
    }
}
