package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.session.CardSession;
import cn.yibao.simulator.card.IccTransport;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.cli.HostCommand;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CardAccess;
import cn.yibao.terminal.counter.live.CounterMetrics;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.LiveCounter;
import cn.yibao.terminal.ops.MetricsServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics endpoints of a host instance and of a serving counter, scraped over HTTP while the
 * counter sells offline, is refused, then drains its queue to the host: the values move with the
 * traffic, and {@code /health} and {@code /health/ready} answer. (Both run in this one JVM and
 * share Micrometer's global registry, so each endpoint shows both sides' meters here.)
 */
class MetricsIT {

    private static final String TERMINAL = "220100000031";
    private static final String VITAMIN_C = "XA11GAA054A001010100261";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private static HttpResponse<String> get(MetricsServer s, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** @return the sum of the samples of {@code name} whose labels contain {@code label} (NaN when none) */
    static double value(String scrape, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*\\})?\\s+(\\S+)$").matcher(scrape);
        double sum = Double.NaN;
        while (m.find()) {
            if (label.isEmpty() || (m.group(1) != null && m.group(1).contains(label))) {
                double v = Double.parseDouble(m.group(2));
                sum = Double.isNaN(sum) ? v : sum + v;
            }
        }
        return sum;
    }

    private static CardAccess access(VirtualCard card, VirtualPsam psam) {
        IccTransport cardLink = new IccTransport(card);
        IccTransport psamLink = new IccTransport(psam);
        return new CardAccess() {
            @Override
            public <T> T withCard(Function<CardSession, T> work) {
                return work.apply(new CardSession(cardLink, psamLink));
            }
        };
    }

    @Test
    void bothEndpointsAreScrapedAndTheValuesMoveWithTraffic() throws Exception {
        Path data = dir.resolve("terminal");
        VirtualCard card = new VirtualCard("employee", dir.resolve("cards"));
        VirtualPsam psam = new VirtualPsam(dir.resolve("psam"));
        try (CounterRuntime runtime = CounterRuntime.open(data, access(card, psam), TERMINAL, Clock.systemUTC());
             HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0);
             MetricsServer hostMetrics = MetricsServer.start("127.0.0.1", 0, "host", () -> HostCommand.readiness(host.store()));
             MetricsServer counterMetrics = MetricsServer.start("127.0.0.1", 0, "terminal", MetricsServer.Readiness::yes)) {
            io.micrometer.core.instrument.Meter connected = HostMetrics.connections(host);
            host.enrol(HostConfig.keyDir(data), TERMINAL);
            String before = get(hostMetrics, "/metrics").body();
            double recordsBefore = orZero(value(before, "yibao_host_records_total", ""));
            double salesBefore = orZero(value(before, "yibao_terminal_sales_total", ""));
            double pinRefusalsBefore = orZero(value(before, "yibao_terminal_refusals_total", "code=\""));

            LiveCounter counter = runtime.counter();
            String psnNo = counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            PharmacySale sale = new PharmacySale(new DrugInfo(psnNo, "41", "1", null),
                    List.of(new FeeLine("L1", null, null, VITAMIN_C, BigDecimal.ONE, null, null)));
            CounterMetrics offlineGauges = CounterMetrics.bind(runtime, Optional.empty(), Clock.systemUTC());
            try (offlineGauges) {
                // offline: two sales queue up, one is refused (wrong PIN)
                counter.settlePharmacy(sale, Pin.ofNullable("123456"), "MT1");
                counter.settlePharmacy(sale, Pin.ofNullable("123456"), "MT2");
                try {
                    counter.settlePharmacy(sale, Pin.ofNullable("999999"), "MT3");
                } catch (CounterRefusedException refused) {
                    // counted by its code
                }
                String offline = get(counterMetrics, "/metrics").body();
                assertEquals(2.0, value(offline, "yibao_terminal_queue_depth", ""), offline);
                assertTrue(value(offline, "yibao_terminal_queue_oldest_age_seconds", "") >= 0, offline);
                assertTrue(Double.isNaN(value(offline, "yibao_terminal_last_ack_age_seconds", "")), "never acknowledged");
                assertEquals(salesBefore + 2, value(offline, "yibao_terminal_sales_total", ""), offline);
                assertEquals(pinRefusalsBefore + 1, value(offline, "yibao_terminal_refusals_total", "code=\""), offline);
                assertTrue(value(offline, "yibao_terminal_settlement_seconds_count", "") >= 3, offline);
                String status = terminalStatus(data);
                assertTrue(status.contains("upload queue: 2 queued (records #2, acknowledged #0), oldest ")
                        && status.contains("last ack never"), status);
                String dryRun = terminal(1, data, "sync", "--dry-run");
                assertTrue(dryRun.contains("upload queue: 2 queued") && dryRun.matches("(?s).*#1 +MT1 +SALE.*#2 +MT2 +SALE.*"),
                        "what would be sent:\n" + dryRun);
            }
            // the counter's link to the host: the queue drains
            HostLink link = runtime.connectHost(new HostAddress("localhost", host.port())).orElseThrow();
            CounterMetrics onlineGauges = CounterMetrics.bind(runtime, Optional.of(link), Clock.systemUTC());
            try (onlineGauges) {
                assertTrue(link.awaitAcknowledged(2, Duration.ofSeconds(60)), () -> "state " + link.state());
                String drained = get(counterMetrics, "/metrics").body();
                assertEquals(0.0, value(drained, "yibao_terminal_queue_depth", ""), drained);
                assertEquals(0.0, value(drained, "yibao_terminal_queue_oldest_age_seconds", ""), drained);
                assertTrue(value(drained, "yibao_terminal_last_ack_age_seconds", "") >= 0, drained);
                assertEquals(1.0, value(drained, "yibao_terminal_host_online", ""), drained);
                String status = terminalStatus(data);
                assertTrue(status.contains("upload queue: 0 queued (records #2, acknowledged #2), last ack 20"), status);
                assertTrue(status.contains("host address in use: localhost:" + host.port() + " (signed in "), status);

                String hostSide = get(hostMetrics, "/metrics").body();
                assertEquals(recordsBefore + 2, value(hostSide, "yibao_host_records_total", ""), hostSide);
                assertTrue(value(hostSide, "yibao_host_uploads_total", "") >= 1, hostSide);
                assertTrue(value(hostSide, "yibao_host_requests_seconds_count", "infno=\"8001\"") >= 1, hostSide);
                assertTrue(value(hostSide, "yibao_host_verification_seconds_count", "") >= 1, hostSide);
                assertEquals(1.0, value(hostSide, "yibao_host_connected_terminals", ""), hostSide);
            } finally {
                io.micrometer.core.instrument.Metrics.globalRegistry.remove(connected);
            }
            for (MetricsServer s : List.of(hostMetrics, counterMetrics)) {
                HttpResponse<String> health = get(s, "/health");
                assertEquals(200, health.statusCode());
                HttpResponse<String> ready = get(s, "/health/ready");
                assertEquals(200, ready.statusCode(), ready.body());
                assertTrue(ready.body().contains("\"ready\":true"), ready.body());
                assertFalse(get(s, "/metrics").body().contains(TERMINAL + "\""), "no terminal ids as labels");
            }
        }
    }

    /** @return what {@code terminal status} prints for the data directory {@code data} */
    private static String terminalStatus(Path data) {
        return terminal(0, data, "status");
    }

    /** @return what {@code terminal COMMAND… --data-dir data} prints, after checking its exit code */
    private static String terminal(int exit, Path data, String... command) {
        picocli.CommandLine cl = cn.yibao.terminal.cli.Cli.commandLine(new cn.yibao.terminal.cli.TerminalMain());
        java.io.StringWriter out = new java.io.StringWriter();
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(out, true));
        List<String> args = new java.util.ArrayList<>(List.of(command));
        args.addAll(List.of("--data-dir", data.toString()));
        assertEquals(exit, cl.execute(args.toArray(String[]::new)), out.toString());
        return out.toString();
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
