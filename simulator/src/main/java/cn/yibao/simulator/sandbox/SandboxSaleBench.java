package cn.yibao.simulator.sandbox;

import cn.yibao.simulator.counter.Benches;
import cn.yibao.simulator.host.Dirs;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * A pharmacy sale through the sandbox over HTTP, as an HIS sends it: 1101 (read the card), 2101
 * (pre-settle), 2102 (settle with the PIN: debit, journal, signed record, upload to the in-process
 * host), the card timing model off. Timed from the 1101 request to the 2102 answer. The counter's
 * clock moves on one day per sale (the policy pack allows three insured purchases per card and day)
 * and the card is the retired employee's (3,200.00 in the account; the basket is one pack of a class
 * C drug, 9.90), so that every sale settles in full; at most 150 sales (the host's session lapses some
 * 160 days ahead of its clock).
 *
 * <p>{@code java -cp simulator/target/simulator.jar cn.yibao.simulator.sandbox.SandboxSaleBench [sales]}
 */
public final class SandboxSaleBench {

    static final String PERSONA = "employee-retired";
    private static final String BASKET = "\"drugdetail\":[{\"feedetl_sn\":\"1\",\"med_list_codg\":\"6901234500062\",\"cnt\":1}]";

    private SandboxSaleBench() {
    }

    /** Runs {@code warmup} unmeasured sales, then {@code sales} measured ones; returns sorted nanoseconds. */
    public static long[] run(Path home, int warmup, int sales) throws IOException, InterruptedException {
        DayPerSale clock = new DayPerSale();
        SandboxSettings settings = SandboxSettings.under(home).withPersona(PERSONA).withFresh(true).withClock(clock)
                .withCardWait(Duration.ofSeconds(1));
        try (Sandbox sandbox = Sandbox.start(settings, RuntimeOptions.defaults())) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            URI base = sandbox.server().baseUri();
            String token = sandbox.token().value();
            long[] times = new long[sales];
            for (int i = 0; i < warmup + sales; i++) {
                clock.nextDay();
                long start = System.nanoTime();
                String psnNo = Benches.call(http, base, token, "1101", "{}").path("baseinfo").path("psn_no").asText();
                String sale = "{\"druginfo\":{\"psn_no\":\"" + psnNo + "\"}," + BASKET;
                JsonNode pre = Benches.call(http, base, token, "2101", sale + "}");
                String acctPay = pre.path("setlinfo").path("acct_pay").asText();
                JsonNode paid = Benches.call(http, base, token, "2102", sale + ",\"card_pin\":\"123456\"}");
                long took = System.nanoTime() - start;
                if (!paid.path("setlinfo").path("acct_pay").asText().equals(acctPay) || "0.00".equals(acctPay)) {
                    throw new IllegalStateException("unexpected settlement: " + paid);
                }
                if (i >= warmup) {
                    times[i - warmup] = took;
                }
            }
            Arrays.sort(times);
            return times;
        }
    }

    /** Prints p50, p99 and the worst of {@code sales} sales (default 100, after 10 unmeasured). */
    public static void main(String[] args) throws Exception {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        if (sales < 1 || sales > 150) {
            // beyond about 160 days ahead of the host's clock the counter's host session lapses (OFFLINE_LIMIT_EXCEEDED)
            throw new IllegalArgumentException("sales: 1..150");
        }
        Path home = Files.createTempDirectory("sandbox-bench");
        try {
            long[] t = run(home, 10, sales);
            System.out.printf("pharmacy sale through the sandbox (1101 + 2101 + 2102 over HTTP, timing model off), %d sales:"
                    + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", sales, ms(t, 0.50), ms(t, 0.99), t[t.length - 1] / 1e6);
        } finally {
            Dirs.deleteTree(home);
        }
    }

    private static double ms(long[] sorted, double q) {
        return Benches.quantile(sorted, q) / 1e6;
    }

    /** The system clock's time of day, one day later at each {@link #nextDay()}. */
    static final class DayPerSale extends Clock {
        private final ZoneId zone = ZoneId.of("Asia/Shanghai");
        private volatile Duration ahead = Duration.ZERO;

        void nextDay() {
            ahead = ahead.plusDays(1);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead);
        }
    }
}
