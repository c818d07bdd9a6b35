package cn.yibao.simulator.counter;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Polling with a deadline, for what happens in the background. */
final class Eventually {

    private Eventually() {
    }

    /** Polls {@code condition} every 2 ms until it holds or 10 seconds pass; returns its last value. */
    static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            LockSupport.parkNanos(2_000_000);
        }
        return condition.getAsBoolean();
    }
}
