package cn.yibao.simulator.counter;

import cn.yibao.simulator.host.Dirs;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.TxnKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * What the lost and blacklist lists and the daily limit cost the counter, terminal side, in
 * process: the first download of a list of {@code listed} cards (9120 answers of 5,000 changes, as
 * the host simulator sends them, parsed, checked and stored answer by answer), an incremental
 * download of 100 changes, the look-up a sale makes (card serial and card number, hits and misses
 * alternating), and the journal count behind the daily limit with {@code sales} sales of 500 cards
 * in the journal; each probe run twice, the second timed. The host's side (its SQLite, TLS) is not
 * included.
 *
 * <p>{@code java -cp simulator/target/simulator.jar cn.yibao.simulator.counter.CardListBench [listed] [sales] [probes]}
 */
public final class CardListBench {

    /** Changes per 9120 answer, as {@code HostService} sends them. */
    static final int PER_ANSWER = 5_000;
    private static final int CARDS = 500;

    private CardListBench() {
    }

    /**
     * The figures of one run.
     *
     * @param firstDownloadNanos the first download of the whole list
     * @param answers            9120 answers it took
     * @param incrementalNanos   the download of 100 further changes
     * @param lookupNanos        each look-up, sorted
     * @param countNanos         each daily-limit count, sorted
     */
    public record Result(long firstDownloadNanos, int answers, long incrementalNanos, long[] lookupNanos,
                         long[] countNanos) {
    }

    /** Runs the benchmark in {@code dir} (card lists and journal files are created there). */
    public static Result run(Path dir, int listed, int sales, int probes) throws Exception {
        InProcessCardHost host = new InProcessCardHost(PER_ANSWER);
        for (int i = 0; i < listed; i++) {
            host.list(card(i), i % 10 == 0 ? "BLACKLISTED" : "LOST");
        }
        try (CardWatch watch = CardWatch.open(dir.resolve(CardWatch.FILE), Clock.systemUTC());
             Journal journal = Journal.open(dir.resolve("journal.db"), Clock.systemUTC())) {
            long t0 = System.nanoTime();
            CardWatch.Refresh first = watch.refresh(host);
            long firstNanos = System.nanoTime() - t0;
            if (first.toVersion() != listed) {
                throw new IllegalStateException("downloaded " + first.toVersion() + " of " + listed);
            }
            for (int i = 0; i < 100; i++) {
                host.list(card(listed + i), "LOST");
            }
            t0 = System.nanoTime();
            watch.refresh(host);
            long incremental = System.nanoTime() - t0;
            long[] lookups = new long[probes];
            for (int i = 0; i < 2 * probes; i++) { // the first half warms up and is overwritten
                int p = i % probes;
                String serial = p % 2 == 0 ? card(p * 7 % listed) : String.format("F%015d", p);
                long s = System.nanoTime();
                boolean hit = watch.lookup(serial, "A2" + p).isPresent();
                lookups[p] = System.nanoTime() - s;
                if (hit != (p % 2 == 0)) {
                    throw new IllegalStateException("look-up " + p + " wrong");
                }
            }
            for (int i = 0; i < sales; i++) {
                journal.transactions().begin("B" + i, TxnKind.SALE, "A2*****" + i % 100, card(i % CARDS), "{}");
            }
            Instant midnight = LocalDate.now(Clock.systemUTC()).atStartOfDay(Clock.systemUTC().getZone()).toInstant();
            long[] counts = new long[probes];
            for (int i = 0; i < 2 * probes; i++) { // the first half warms up and is overwritten
                int p = i % probes;
                long s = System.nanoTime();
                int n = journal.queries().countSince(TxnKind.SALE, card(p % CARDS), midnight);
                counts[p] = System.nanoTime() - s;
                if (sales >= CARDS && n < sales / CARDS) {
                    throw new IllegalStateException("count " + n + " for card " + p % CARDS);
                }
            }
            Arrays.sort(lookups);
            Arrays.sort(counts);
            return new Result(firstNanos, host.asked().size() - 1, incremental, lookups, counts);
        }
    }

    /** @return the application serial of test card {@code i}: 16 hex digits */
    private static String card(int i) {
        return String.format("%016X", 0x2201_0000_0000_0000L + i);
    }

    /** Prints the figures; default 200,000 listed cards, 5,000 sales, 10,000 probes. */
    public static void main(String[] args) throws Exception {
        int listed = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int sales = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        int probes = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Path dir = Files.createTempDirectory("card-list-bench");
        try {
            Result r = run(dir, listed, sales, probes);
            System.out.printf("first download of %,d listed cards (%d answers): %.2f s%n", listed, r.answers(),
                    r.firstDownloadNanos() / 1e9);
            System.out.printf("incremental download of 100 changes: %.1f ms%n", r.incrementalNanos() / 1e6);
            System.out.printf("look-up per sale, %,d probes: p50 %.1f us, p99 %.1f us%n", probes,
                    us(r.lookupNanos(), 0.50), us(r.lookupNanos(), 0.99));
            System.out.printf("daily-limit count with %,d sales in the journal: p50 %.1f us, p99 %.1f us%n", sales,
                    us(r.countNanos(), 0.50), us(r.countNanos(), 0.99));
        } finally {
            Dirs.deleteTree(dir);
        }
    }

    private static double us(long[] sorted, double q) {
        return Benches.quantile(sorted, q) / 1e3;
    }
}
