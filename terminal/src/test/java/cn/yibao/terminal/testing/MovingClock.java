package cn.yibao.terminal.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test moves forward by hand; China's offset, starting 2026-11-23 10:30 there. */
public final class MovingClock extends Clock {

    private volatile Instant now = Instant.parse("2026-11-23T02:30:00Z");

    @Override
    public ZoneId getZone() {
        return ZoneOffset.ofHours(8);
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    /** Moves the clock on by {@code d}. */
    public void advance(Duration d) {
        now = now.plus(d);
    }
}
