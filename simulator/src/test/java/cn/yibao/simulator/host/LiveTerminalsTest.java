package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Live connections: the uploads each may have in flight, and which upload a pipelined one follows. */
class LiveTerminalsTest {

    private static Peer peer(String terminal, long connection) {
        return new Peer(terminal, connection, "");
    }

    @Test
    void eachConnectionAddsTheUploadsItsSignInAgreed() {
        LiveTerminals live = new LiveTerminals();
        Peer a = peer("T1", 1);
        Peer b = peer("T1", 2);
        Peer c = peer("T2", 3);
        live.connected(a);
        live.connected(b);
        live.connected(c);
        assertEquals(3, live.capacity(), "one upload at a time until a sign-in asks for more");
        assertEquals(2, live.signedIn(a, 2));
        assertEquals(LiveTerminals.MAX_IN_FLIGHT, live.signedIn(c, 99), "capped");
        assertEquals(1, live.signedIn(b, 0), "at least one");
        assertEquals(2 + 1 + LiveTerminals.MAX_IN_FLIGHT, live.capacity());
        assertEquals(2, live.inFlight(a));
        live.disconnected(a);
        assertEquals(1 + LiveTerminals.MAX_IN_FLIGHT, live.capacity());
        assertEquals(1, live.inFlight(a), "a closed connection: one at a time");
        live.disconnected(peer("T3", 9)); // never connected: nothing changes
        live.disconnected(b);
        live.disconnected(c);
        assertEquals(0, live.capacity());
    }

    @Test
    void anUploadFollowsTheOneBeforeItOnlyOnAPipeliningSignIn() {
        LiveTerminals live = new LiveTerminals();
        Peer one = peer("T1", 1);
        Peer two = peer("T2", 2);
        live.connected(one);
        live.connected(two);
        live.signedIn(two, 2);
        CompletableFuture<Response> first = new CompletableFuture<>();
        CompletableFuture<Response> second = new CompletableFuture<>();
        assertNull(live.follow(one, first), "one at a time: nothing to follow");
        assertNull(live.follow(one, second));
        assertNull(live.follow(two, first), "the first upload of a sign-in");
        assertSame(first, live.follow(two, second));
        live.signedIn(two, 2);
        assertNull(live.follow(two, new CompletableFuture<>()), "a new sign-in follows nothing before it");
    }
}
