package cn.yibao.hostlink.saf;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with full jitter: after the n-th consecutive failure the wait is uniform in
 * [min, min(max, min·2ⁿ)]. Not thread-safe.
 */
public final class Backoff {

    private final long minMillis;
    private final long maxMillis;
    private final Random random;
    private int failures;

    public Backoff(Duration min, Duration max, Random random) {
        if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 < min <= max");
        }
        this.minMillis = min.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /** @return the wait before the next attempt; each call counts one more failure */
    public Duration next() {
        Duration wait = current();
        failures++;
        return wait;
    }

    /**
     * @return a wait at the level the failures counted so far give, without counting one more (e.g.
     *         between the addresses of one round of a host's address list)
     */
    public Duration current() {
        long cap = Math.min(maxMillis, minMillis << Math.min(failures, 30));
        return Duration.ofMillis(minMillis + (long) (random.nextDouble() * (cap - minMillis)));
    }

    /** Forgets the failures after a success. */
    public void reset() {
        failures = 0;
    }
}
