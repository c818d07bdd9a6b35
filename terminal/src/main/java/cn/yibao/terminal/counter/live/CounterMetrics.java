package cn.yibao.terminal.counter.live;

import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.journal.JournalTxn;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gauges of a serving counter (docs/operations.md, "Metrics and health"): the upload queue
 * (records not acknowledged, the oldest one's age), the age of the host's last acknowledgement and
 * whether the host link is up, read from the journal at each scrape. The counts and timings (sales,
 * refusals by code, settlement and host-call times) are registered where they happen. Removed
 * again on {@link #close}, so that a later counter in the same process gets its own.
 */
public final class CounterMetrics implements AutoCloseable {

    private final List<Meter> meters = new ArrayList<>();

    private CounterMetrics() {
    }

    /** Registers the gauges of {@code runtime} (and its host link, if any) until {@link #close}. */
    public static CounterMetrics bind(CounterRuntime runtime, Optional<HostLink> link, Clock clock) {
        CounterMetrics m = new CounterMetrics();
        m.meters.add(Gauge.builder("yibao.terminal.queue.depth", runtime, r -> r.counter().syncStatus().queued())
                .description("signed records not yet acknowledged by the host").strongReference(true)
                .register(Metrics.globalRegistry));
        m.meters.add(Gauge.builder("yibao.terminal.queue.oldest.age", runtime, r -> oldestQueuedAge(r, clock))
                .description("age of the oldest record not yet acknowledged (0: none)").baseUnit("seconds")
                .strongReference(true).register(Metrics.globalRegistry));
        m.meters.add(Gauge.builder("yibao.terminal.last.ack.age", runtime, r -> r.journal().uploads().ackedAt()
                        .map(at -> seconds(at, clock)).orElse(Double.NaN))
                .description("time since the host last acknowledged records (NaN: never)").baseUnit("seconds")
                .strongReference(true).register(Metrics.globalRegistry));
        m.meters.add(Gauge.builder("yibao.terminal.host.online", link, l -> l.map(h -> h.online() ? 1 : 0).orElse(0))
                .description("1 while signed in to a host instance").strongReference(true).register(Metrics.globalRegistry));
        return m;
    }

    private static double oldestQueuedAge(CounterRuntime r, Clock clock) {
        List<JournalTxn> oldest = r.journal().uploads().unacknowledged(1);
        return oldest.isEmpty() ? 0 : seconds(oldest.get(0).created(), clock);
    }

    private static double seconds(Instant since, Clock clock) {
        return Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }

    @Override
    public void close() {
        meters.forEach(Metrics.globalRegistry::remove);
    }
}
