package cn.yibao.hostlink.msg;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The one business zone: the zone of every day and time that people or reconciliation see —
 * the counter's receipts, day totals, daily purchase limit, same-day cancellation, journal and
 * settlement times, 3201 dates; the host's reconciliation, month export and supervision; the
 * national interface's {@code inf_time} — whatever the machine's clock zone. Set once, for the
 * terminal and the host alike, by the system property {@value #PROPERTY} or the environment
 * variable {@value #ENV} (the property wins); default {@code Asia/Shanghai}. The machine's zone
 * ({@code TZ}, {@link ZoneId#systemDefault()}) is never used for these.
 */
public final class BusinessZone {

    /** System property naming the business zone (an IANA zone id such as {@code Asia/Shanghai}). */
    public static final String PROPERTY = "yibao.business-zone";
    /** Environment variable naming the business zone, when the property is not set. */
    public static final String ENV = "YIBAO_BUSINESS_ZONE";
    /** The zone when nothing is set: China's (national interface times are Beijing time). */
    public static final ZoneId DEFAULT = ZoneId.of("Asia/Shanghai");
    /** The business zone of this process. */
    public static final ZoneId ZONE = resolve(System.getProperty(PROPERTY), System.getenv(ENV));

    private BusinessZone() {
    }

    /**
     * @return the zone named by {@code property}, else by {@code env}, else {@link #DEFAULT}
     * @throws IllegalArgumentException naming the setting when the name is not a zone id
     */
    static ZoneId resolve(String property, String env) {
        String name = property != null && !property.isBlank() ? property.trim()
                : env != null && !env.isBlank() ? env.trim() : null;
        if (name == null) {
            return DEFAULT;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the business zone \"" + (name.length() > 40 ? name.substring(0, 40) : name)
                    + "\" (" + PROPERTY + " or " + ENV + ") is not a zone id such as Asia/Shanghai", e);
        }
    }

    /** @return the system clock in the business zone */
    public static Clock clock() {
        return Clock.system(ZONE);
    }

    /**
     * @return {@code base}'s time in the business zone: the same instants, read by {@code base} at
     *         each call (a clock a test moves moves this one too), whatever zone {@code base} has
     */
    public static Clock of(Clock base) {
        Objects.requireNonNull(base, "base");
        return base instanceof InZone z ? z : new InZone(base);
    }

    /** A clock whose instants are another's, in the business zone. */
    private static final class InZone extends Clock {
        private final Clock base;

        InZone(Clock base) {
            this.base = base;
        }

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return base.withZone(zone);
        }

        @Override
        public Instant instant() {
            return base.instant();
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InZone z && z.base.equals(base);
        }

        @Override
        public int hashCode() {
            return base.hashCode() ^ ZONE.hashCode();
        }

        @Override
        public String toString() {
            return base + " in " + ZONE;
        }
    }
}
