package cn.yibao.terminal.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The operator's window on a running host instance or {@code terminal serve}, on a port of its own
 * (never the HIS API's): {@code GET /metrics} in the Prometheus text format (Micrometer's
 * registry, fed by every meter registered with {@link Metrics#globalRegistry}), {@code GET /health}
 * (the process is up: 200) and {@code GET /health/ready} (200 when it can do its work, 503 with
 * the reason otherwise, e.g. while the host's database is unavailable). Bound to loopback unless
 * told otherwise; no credentials, no personal data: counts, ages and timings only.
 */
public final class MetricsServer implements AutoCloseable {

    /** Default bind address: loopback only. */
    public static final String DEFAULT_BIND = "127.0.0.1";

    /** Whether the process can do its work now, and if not why. */
    public record Readiness(boolean ready, String reason) {
        public static Readiness yes() {
            return new Readiness(true, "");
        }
    }

    private final HttpServer http;
    private final ExecutorService executor;
    private final PrometheusMeterRegistry registry;

    private MetricsServer(HttpServer http, ExecutorService executor, PrometheusMeterRegistry registry) {
        this.http = http;
        this.executor = executor;
        this.registry = registry;
    }

    /**
     * Starts serving on {@code bind:port} (0: any free port).
     *
     * @param app   the {@code app} tag of every meter ({@code host}, {@code terminal})
     * @param ready asked on every {@code /health/ready}
     */
    public static MetricsServer start(String bind, int port, String app, Supplier<Readiness> ready) throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags("app", app);
        Metrics.addRegistry(registry);
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "metrics-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(executor);
        http.createContext("/metrics", ex -> answer(ex, 200, "text/plain; version=0.0.4; charset=utf-8", registry.scrape()));
        http.createContext("/health", ex -> {
            if (ex.getRequestURI().getPath().equals("/health/ready")) {
                Readiness r = ready.get();
                answer(ex, r.ready() ? 200 : 503, "application/json",
                        "{\"ready\":" + r.ready() + ",\"reason\":\"" + r.reason().replace("\\", "\\\\").replace("\"", "'") + "\"}");
            } else if (ex.getRequestURI().getPath().equals("/health")) {
                answer(ex, 200, "application/json", "{\"status\":\"UP\"}");
            } else {
                answer(ex, 404, "text/plain", "not found");
            }
        });
        http.start();
        return new MetricsServer(http, executor, registry);
    }

    private static void answer(HttpExchange ex, int status, String type, String body) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
                ex.sendResponseHeaders(405, -1);
                return;
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", type);
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
    }

    /** @return the port served */
    public int port() {
        return http.getAddress().getPort();
    }

    /** @return the registry scraped, for meters of this process only */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        http.stop(0);
        executor.shutdownNow();
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
