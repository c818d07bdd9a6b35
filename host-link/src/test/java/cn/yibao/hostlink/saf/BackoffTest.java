package cn.yibao.hostlink.saf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    /** A random source that always returns {@code v}: the wait is then min + v·(cap − min). */
    private static Random fixed(double v) {
        return new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public double nextDouble() {
                return v;
            }
        };
    }

    @Test
    void capGrowsExponentiallyUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), fixed(0.999_999));
        assertEquals(100, b.next().toMillis());
        assertEquals(199, b.next().toMillis());
        assertEquals(399, b.next().toMillis());
        assertEquals(799, b.next().toMillis());
        assertEquals(999, b.next().toMillis());
        assertEquals(999, b.next().toMillis());
    }

    @Test
    void currentWaitsAtTheLevelReachedWithoutCountingAFailure() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), fixed(0.999_999));
        assertEquals(100, b.current().toMillis());
        assertEquals(100, b.current().toMillis());
        assertEquals(100, b.next().toMillis());
        assertEquals(199, b.current().toMillis());
        assertEquals(199, b.current().toMillis());
        assertEquals(199, b.next().toMillis());
        assertEquals(399, b.current().toMillis());
    }

    @Test
    void jitterStaysWithinMinAndCapAndResetStartsOver() {
        Backoff b = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(5), new Random(1));
        for (int i = 0; i < 20; i++) {
            long w = b.next().toMillis();
            assertTrue(w >= 50 && w <= 5000, String.valueOf(w));
        }
        b.reset();
        assertTrue(b.next().toMillis() <= 50);
    }

    @Test
    void badBoundsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), new Random()));
        assertThrows(IllegalArgumentException.class,
                () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), new Random()));
    }
}
