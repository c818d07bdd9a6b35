package cn.yibao.terminal.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: tests never sleep to synchronise. */
public final class Await {

    private Await() {
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @throws AssertionError with {@code what} and the last observed state if the deadline passes
     */
    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> what) {
        Instant deadline = Instant.now().plus(timeout);
        long pauseNanos = 100_000;
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what.get());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(pauseNanos);
            pauseNanos = Math.min(pauseNanos * 2, 20_000_000);
        }
    }
}
