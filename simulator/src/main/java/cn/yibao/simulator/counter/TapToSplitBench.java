package cn.yibao.simulator.counter;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.simulator.card.TimingModel;
import cn.yibao.simulator.host.Dirs;
import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * Tap to split on screen through the whole real stack, as the cashier console does it: the HIS API
 * answers 1101 (read the card on the reader) and then 2101 (pre-settle two items), each through
 * the live counter, javax.smartcardio, pcscd, vpcd and the virtual card and PSAM with the timing
 * model on (every command really takes its modelled time). Timed from the 1101 request to the
 * 2101 answer with the split; the browser's rendering is not included.
 *
 * <p>Run as root (it starts its own pcscd; set {@code PCSCLITE_CSOCK_NAME} to keep the machine's):
 * {@code java -cp simulator/target/simulator.jar cn.yibao.simulator.counter.TapToSplitBench [taps]}
 */
public final class TapToSplitBench {

    private static final String TOKEN = "tap-to-split-bench-token-0123456789abcdefgh";

    private TapToSplitBench() {
    }

    /** Runs {@code warmup} unmeasured taps, then {@code taps} measured ones; returns sorted nanoseconds. */
    public static long[] run(PrivatePcscd pcscd, Path dir, int warmup, int taps) throws Exception {
        PcscCardAccess cards = PcscCounter.cardAccess(pcscd);
        try (PcscCounter rig = new PcscCounter(pcscd, "employee", dir.resolve("sim"));
             CounterRuntime runtime = CounterRuntime.open(dir.resolve("terminal"), cards, "220100000001", BusinessZone.clock());
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), runtime.counter()))) {
            rig.card().timing(TimingModel.contactless(), true);
            rig.psam().timing(TimingModel.contactPsam(), true);
            HttpClient http = HttpClient.newHttpClient();
            long[] times = new long[taps];
            for (int i = 0; i < warmup + taps; i++) {
                long start = System.nanoTime();
                JsonNode person = Benches.call(http, server.baseUri(), TOKEN, "1101", "{}");
                String psnNo = person.path("baseinfo").path("psn_no").asText();
                JsonNode split = Benches.call(http, server.baseUri(), TOKEN, "2101", "{\"druginfo\":{\"psn_no\":\"" + psnNo + "\",\"med_type\":\"41\","
                        + "\"acct_used_flag\":\"1\"},\"drugdetail\":[{\"feedetl_sn\":\"1\",\"med_list_codg\":\"6901234500048\","
                        + "\"cnt\":2},{\"feedetl_sn\":\"2\",\"med_list_codg\":\"6901234500062\",\"cnt\":1}]}");
                long took = System.nanoTime() - start;
                if (split.path("setlinfo").path("acct_pay").decimalValue().compareTo(new java.math.BigDecimal("59.90")) != 0) {
                    throw new IllegalStateException("unexpected split: " + split);
                }
                if (i >= warmup) {
                    times[i - warmup] = took;
                }
            }
            Arrays.sort(times);
            return times;
        }
    }

    /** Prints p50, p99 and the worst of {@code taps} taps (default 200). */
    public static void main(String[] args) throws Exception {
        int taps = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("tap-bench");
        try (PrivatePcscd pcscd = PrivatePcscd.start(Duration.ofSeconds(20))) {
            long[] t = run(pcscd, dir, 10, taps);
            System.out.printf("tap to split (1101 + 2101 over HTTP, timing model on), %d taps: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    taps, ms(t, 0.50), ms(t, 0.99), t[t.length - 1] / 1e6);
        } finally {
            Dirs.deleteTree(dir);
        }
    }

    private static double ms(long[] sorted, double q) {
        return Benches.quantile(sorted, q) / 1e6;
    }
}
