package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MsgidLedgerTest {

    private final ObjectMapper json = new ObjectMapper();
    private final MsgidLedger ledger = new MsgidLedger();

    private JsonNode node(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void anIdenticalResendIsAnsweredAndAnotherRequestWithTheSameMsgidIsRefused() throws Exception {
        JsonNode first = node("{\"drugdetail\": [{\"cnt\": 2}], \"card_pin\": \"123456\"}");
        assertEquals("settled", ledger.run("M1", "2102", first, () -> "settled", a -> true));
        assertEquals("replayed", ledger.run("M1", "2102", node("{\"card_pin\": \"123456\", \"drugdetail\": [{\"cnt\": 2.0}]}"),
                () -> "replayed", a -> true), "key order and number form do not make another request");
        for (String other : new String[] {"{\"drugdetail\": [{\"cnt\": 3}], \"card_pin\": \"123456\"}",
                "{\"drugdetail\": [{\"cnt\": 2}], \"card_pin\": \"654321\"}", "{\"drugdetail\": [{\"cnt\": 2}]}"}) {
            ApiException e = assertThrows(ApiException.class,
                    () -> ledger.run("M1", "2102", node(other), () -> "settled again", a -> true), other);
            assertEquals(ApiError.MSGID_CONFLICT, e.error());
            assertTrue(e.detail().contains("M1"), e.detail());
        }
        assertThrows(ApiException.class, () -> ledger.run("M1", "2103", first, () -> "x", a -> true),
                "the same msgid for another transaction");
    }

    @Test
    void aRefusedAttemptBindsNothing() throws Exception {
        assertEquals("PIN_WRONG", ledger.run("M2", "2102", node("{\"card_pin\": \"000000\"}"), () -> "PIN_WRONG", a -> false));
        assertEquals("settled", ledger.run("M2", "2102", node("{\"card_pin\": \"123456\"}"), () -> "settled", a -> true));
    }

    @Test
    void thePinIsNeverHeldInClear() throws Exception {
        String print = ledger.fingerprint("2102", node("{\"card_pin\": \"123456\"}"));
        assertFalse(print.contains("123456"));
        assertNotEquals(print, new MsgidLedger().fingerprint("2102", node("{\"card_pin\": \"123456\"}")),
                "keyed per process: a fingerprint cannot be looked up offline");
    }

    /**
     * The first copy stays inside its call until the second copy is either parked on the msgid's
     * lock (then the first finishes and lets it in) or inside its own call too (the overlap this
     * test refuses): it waits for a state, never for a fixed time.
     */
    @Test
    void twoCopiesOfOneMsgidSentAtOnceRunOneAfterTheOther() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlapped = new AtomicInteger();
        CountDownLatch firstInside = new CountDownLatch(1);
        AtomicReference<Thread> secondThread = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            JsonNode input = node("{\"a\": 1}");
            Future<String> first = pool.submit(() -> ledger.run("M3", "2102", input, () -> {
                inside.incrementAndGet();
                firstInside.countDown();
                Await.until(Duration.ofSeconds(10),
                        () -> overlapped.get() > 0 || waitsForTheLedgersLock(secondThread.get()),
                        () -> "the second copy waiting for the msgid's lock, or inside too; it is "
                                + describe(secondThread.get()));
                inside.decrementAndGet();
                return "first";
            }, a -> true));
            assertTrue(firstInside.await(5, TimeUnit.SECONDS));
            Future<String> second = pool.submit(() -> {
                secondThread.set(Thread.currentThread());
                return ledger.run("M3", "2102", input, () -> {
                    if (inside.incrementAndGet() > 1) {
                        overlapped.incrementAndGet();
                    }
                    inside.decrementAndGet();
                    return "second";
                }, a -> true);
            });
            assertEquals("first", first.get(20, TimeUnit.SECONDS));
            assertEquals("second", second.get(10, TimeUnit.SECONDS));
            assertEquals(0, overlapped.get(), "the second copy entered while the first was still running");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * @return whether {@code t} waits for a lock taken by {@link MsgidLedger#run} itself (the
     *     nearest frame of the ledger or of this test is {@code MsgidLedger.run}, so it is not
     *     inside its call)
     */
    private static boolean waitsForTheLedgersLock(Thread t) {
        if (t == null || t.getState() != Thread.State.WAITING && t.getState() != Thread.State.BLOCKED) {
            return false;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getClassName().startsWith(MsgidLedgerTest.class.getName())) {
                return false;
            }
            if (frame.getClassName().equals(MsgidLedger.class.getName())) {
                return frame.getMethodName().equals("run");
            }
        }
        return false;
    }

    private static String describe(Thread t) {
        return t == null ? "not started" : t.getState() + " at " + java.util.Arrays.toString(t.getStackTrace());
    }
}
