package cn.yibao.simulator.reader;

import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.SettleRequest;
import cn.yibao.card.session.SettleResult;
import cn.yibao.simulator.card.CardBench;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.pcsc.PcscCardReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * The terminal-side time of a whole purchase through the real PC/SC stack (javax.smartcardio →
 * pcsclite → pcscd → vpcd → virtual card and PSAM), timing model off: read with PIN, INITIALIZE,
 * PSAM MAC1, DEBIT, PSAM verifies MAC2, under exclusive access. Measured twice: on a reader
 * already connected, and including connecting to the PSAM and the card (SCardConnect) and
 * disconnecting, as a tap does.
 *
 * <p>Run as root (it starts its own pcscd; set {@code PCSCLITE_CSOCK_NAME} to keep the machine's):
 * {@code java -cp simulator/target/simulator.jar cn.yibao.simulator.reader.PcscSaleBench [sales]}
 */
public final class PcscSaleBench {

    private static final Money AMOUNT = Money.ofFen(1);
    private static final Duration PRESENCE = Duration.ofSeconds(10);

    /**
     * Sorted wall-clock times per sale.
     *
     * @param connected sales on an open connection
     * @param withConnect sales including connect and disconnect
     */
    public record Report(long[] connected, long[] withConnect) {

        public Report {
            connected = sorted(connected);
            withConnect = sorted(withConnect);
        }

        @Override
        public long[] connected() {
            return connected.clone();
        }

        @Override
        public long[] withConnect() {
            return withConnect.clone();
        }

        private static long[] sorted(long[] times) {
            long[] copy = times.clone();
            Arrays.sort(copy);
            return copy;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Report r && Arrays.equals(r.connected, connected)
                    && Arrays.equals(r.withConnect, withConnect);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(connected) + Arrays.hashCode(withConnect);
        }

        @Override
        public String toString() {
            return "Report[" + connected.length + " + " + withConnect.length + " sales]";
        }
    }

    private PcscSaleBench() {
    }

    /**
     * Runs {@code warmup} unmeasured sales, then {@code sales} measured ones of each kind, against
     * a fresh {@code employee} card in {@code dataDir} (card fsync off: a real card's EEPROM write
     * is the timing model's business, not the simulator's disk).
     */
    public static Report run(PrivatePcscd pcscd, Path dataDir, int warmup, int sales) {
        if (warmup < 0 || sales < 1) {
            throw new IllegalArgumentException("warmup ≥ 0 and sales ≥ 1 required");
        }
        try (PcscCounter counter = new PcscCounter(pcscd, "employee", dataDir)) {
            counter.card().durable(false);
            for (int i = 0; i < warmup; i++) {
                timedTap(counter);
            }
            long[] connected = new long[sales];
            try (PcscCardReader reader = counter.open(PRESENCE)) {
                for (int i = 0; i < sales; i++) {
                    long start = System.nanoTime();
                    sale(reader);
                    connected[i] = System.nanoTime() - start;
                }
            }
            long[] withConnect = new long[sales];
            for (int i = 0; i < sales; i++) {
                withConnect[i] = timedTap(counter);
            }
            return new Report(connected, withConnect);
        }
    }

    /** One sale including connecting to the PSAM and the card and disconnecting. */
    private static long timedTap(PcscCounter counter) {
        long start = System.nanoTime();
        try (PcscCardReader reader = counter.open(PRESENCE)) {
            sale(reader);
        }
        return System.nanoTime() - start;
    }

    private static SettleResult sale(PcscCardReader reader) {
        CardSession session = new CardSession(reader.card(), reader.psam());
        SettleResult result = reader.exclusively(() -> {
            session.readCard("123456");
            return session.settle(new SettleRequest(AMOUNT, SettlementRecord.simple(Money.ZERO, Money.ZERO, 2026),
                    LocalDateTime.of(2026, 11, 23, 10, 0)));
        });
        if (!result.proof().mac2VerifiedByPsam()) {
            throw new IllegalStateException("the PSAM did not verify MAC2");
        }
        return result;
    }

    public static void main(String[] args) throws IOException {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = Files.createTempDirectory("yibao-pcsc-bench");
        Report r;
        try (PrivatePcscd pcscd = PrivatePcscd.start(Duration.ofSeconds(15))) {
            r = run(pcscd, dir, Math.max(100, sales / 10), sales);
        }
        print(out, sales + " sales on an open connection", r.connected());
        print(out, sales + " sales with connect/disconnect", r.withConnect());
    }

    private static void print(PrintStream out, String what, long[] sorted) {
        out.printf("purchase through PC/SC, timing model off, %s: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                what, ms(sorted, 50), ms(sorted, 90), ms(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double ms(long[] sorted, double percentile) {
        return CardBench.Report.percentile(sorted, percentile) / 1e6;
    }
}
