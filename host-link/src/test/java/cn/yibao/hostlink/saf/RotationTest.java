package cn.yibao.hostlink.saf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of the host's addresses the link uses, and when a round of them failed. */
class RotationTest {

    private static final Endpoint A = new Endpoint("127.0.0.1", 7443);
    private static final Endpoint B = new Endpoint("127.0.0.1", 7444);
    private static final Endpoint C = new Endpoint("host-c", 7443);

    @Test
    void movesToTheNextAddressWrappingRoundAndCountsFullRounds() {
        Rotation r = new Rotation(List.of(A, B, C));
        assertEquals(A, r.current());
        assertFalse(r.failed(), "a dead primary costs one attempt, no longer wait");
        assertEquals(B, r.current());
        assertFalse(r.failed());
        assertEquals(C, r.current());
        assertTrue(r.failed(), "every address failed once: the round is complete");
        assertEquals(A, r.current());
        assertFalse(r.failed());
        assertFalse(r.failed());
        assertTrue(r.failed());
    }

    @Test
    void staysOnTheAddressThatWorksAndARoundStartsThere() {
        Rotation r = new Rotation(List.of(A, B, C));
        r.failed();
        r.succeeded();
        assertEquals(B, r.current(), "no flapping back to the preferred address");
        assertFalse(r.onPreferred());
        assertFalse(r.failed());
        assertEquals(C, r.current());
        assertFalse(r.failed());
        assertEquals(A, r.current());
        assertTrue(r.failed(), "the round that started at B ends back at B");
        assertEquals(B, r.current());
    }

    @Test
    void failBackGoesToThePreferredAddressAndStartsANewRound() {
        Rotation r = new Rotation(List.of(A, B));
        r.failed();
        r.failed();
        r.failed();
        assertEquals(B, r.current());
        r.toPreferred();
        assertTrue(r.onPreferred());
        assertEquals(A, r.current());
        assertFalse(r.failed(), "after a fail-back the preferred address still down moves on at once");
        assertEquals(B, r.current());
    }

    @Test
    void oneAddressCompletesARoundOnEachFailureAsBefore() {
        Rotation r = new Rotation(List.of(A));
        assertTrue(r.failed());
        assertEquals(A, r.current());
        r.succeeded();
        assertTrue(r.failed());
    }

    @Test
    void theReasonLoggedIsTheCauseNotItsWrappers() {
        var refused = new java.net.ConnectException("Connection refused");
        var e = new HostUnavailableException("cannot connect to " + A,
                new java.util.concurrent.ExecutionException(new java.util.concurrent.CompletionException(refused)));
        assertEquals("cannot connect to 127.0.0.1:7443: Connection refused", e.reason());
        assertEquals("host link is down", new HostUnavailableException("host link is down").reason());
        assertEquals("no response to 8001 in PT0.8S", new HostUnavailableException(
                "no response to 8001", new java.util.concurrent.TimeoutException("no response to 8001 in PT0.8S")).reason());
        assertEquals("no response to UPLOAD: ClosedChannelException", new HostUnavailableException(
                "no response to UPLOAD", new java.nio.channels.ClosedChannelException()).reason());
    }

    @Test
    void settingsNeedAtLeastOneDistinctAddress() {
        Duration s = Duration.ofSeconds(1);
        assertThrows(IllegalArgumentException.class, () -> new Rotation(List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ForwardSettings(List.of(), "H1", "OP1", 10, s, s, s, s));
        assertThrows(IllegalArgumentException.class,
                () -> new ForwardSettings(List.of(A, B, A), "H1", "OP1", 10, s, s, s, s));
        assertEquals(List.of(A), new ForwardSettings("127.0.0.1", 7443, "H1", "OP1", 10, s, s, s, s).hosts());
        assertThrows(IllegalArgumentException.class, () -> new Endpoint("", 7443));
        assertThrows(IllegalArgumentException.class, () -> new Endpoint("h", 0));
        assertEquals("host-c:7443", C.toString());
    }
}
