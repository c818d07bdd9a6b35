package cn.yibao.simulator.counter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** A clock the test moves by hand (thread-safe). */
final class MutableClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    MutableClock(Instant start, ZoneId zone) {
        this.now = new AtomicReference<>(start);
        this.zone = zone;
    }

    /** Moves the clock forward by {@code d}. */
    void advance(Duration d) {
        now.updateAndGet(t -> t.plus(d));
    }

    /** Sets the clock to {@code t}. */
    void set(Instant t) {
        now.set(t);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId z) {
        MutableClock c = new MutableClock(instant(), z);
        return c;
    }

    @Override
    public Instant instant() {
        return now.get();
    }
}
