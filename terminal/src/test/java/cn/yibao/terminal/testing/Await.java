package cn.yibao.terminal.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one polling helper of all the tests (terminal's test jar, used by the simulator's tests too):
 * polls a condition until it holds or a deadline passes, so that no test sleeps for a fixed time
 * to synchronise with what happens in the background. The pause between polls starts at 0.1 ms
 * and doubles up to 20 ms: a condition that holds soon is seen soon, a slow one is not polled hot.
 *
 * <p>A test that needs to act when the wait fails (stop a process it started) catches the
 * {@link AssertionError}; there is no variant that returns a boolean for an assertion to check.
 */
public final class Await {

    private static final long FIRST_PAUSE_NANOS = 100_000;
    private static final long LONGEST_PAUSE_NANOS = 20_000_000;

    private Await() {
    }

    /**
     * Waits until {@code condition} holds, polling it; the condition is checked once more after
     * the deadline passed, so a slow poll does not lose its last chance.
     *
     * @param timeout   how long to wait at most
     * @param condition what is awaited; must not block for long
     * @param what      what was awaited, evaluated only on failure (so it can say the last state seen)
     * @throws AssertionError "not within TIMEOUT: WHAT" if the deadline passes first
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = FIRST_PAUSE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout + ": " + what.get());
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
        }
    }

    /** As {@link #until(Duration, BooleanSupplier, Supplier)}, with a fixed description of what was awaited. */
    public static void until(Duration timeout, BooleanSupplier condition, String what) {
        until(timeout, condition, () -> what);
    }
}
