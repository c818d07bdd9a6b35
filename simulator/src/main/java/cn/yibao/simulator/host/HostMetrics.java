package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The host instance's meters (docs/operations.md, "Metrics and health"), registered with
 * Micrometer's global registry, which the metrics endpoint scrapes ({@code MetricsServer}):
 * requests and their latency by transaction, refusals by code, uploads and records, record
 * verification time, store errors by SQLSTATE class. The pool's meters come from HikariCP itself.
 */
public final class HostMetrics {

    private HostMetrics() {
    }

    /** A request was answered with {@code r} after {@code nanos}. */
    static void answered(Request req, Response r, long nanos) {
        Timer.builder("yibao.host.requests").description("requests answered, by transaction (infno)")
                .tag("infno", req.kind().isPresent() ? req.infno() : "unknown") // bounded: known codes only
                .register(Metrics.globalRegistry)
                .record(nanos, TimeUnit.NANOSECONDS);
        if (!r.ok()) {
            Metrics.counter("yibao.host.refusals", "code", r.code()).increment();
        }
    }

    /** Registers the gauge of terminals connected to {@code host} now. */
    public static io.micrometer.core.instrument.Meter connections(HostSimulator host) {
        return io.micrometer.core.instrument.Gauge.builder("yibao.host.connected.terminals", host,
                h -> h.server() == null ? 0 : h.server().openConnections())
                .description("TLS connections of terminals open now").strongReference(true).register(Metrics.globalRegistry);
    }

    /**
     * @return why the store does not answer a trivial query now, or nothing when it does (the
     *         instance's readiness, which the metrics endpoint serves at {@code /health/ready})
     */
    public static Optional<String> unreadiness(HostStore store) {
        try {
            store.inTransaction(c -> Sql.longValue(c, "SELECT 1", 0));
            return Optional.empty();
        } catch (HostStore.StoreException e) {
            return Optional.of("the host's database is unavailable ("
                    + (e.sqlState().isEmpty() ? "no SQLSTATE" : e.sqlState()) + ")");
        }
    }

    /** An upload (8001) of {@code records} records arrived. */
    static void upload(int records) {
        Metrics.counter("yibao.host.uploads").increment();
        Metrics.counter("yibao.host.records").increment(records);
    }

    /** @return what {@code check} returns, its time recorded as record verification */
    static <T> T verification(Supplier<T> check) {
        return Metrics.timer("yibao.host.verification").record(check);
    }

    /** A store transaction failed for good with {@code sqlState} ("" when none). */
    static void storeError(String sqlState) {
        String cls = sqlState == null || sqlState.length() < 2 ? "none" : sqlState.substring(0, 2);
        Metrics.counter("yibao.host.store.errors", "class", cls).increment();
    }
}
