package cn.yibao.simulator.card;

import cn.yibao.card.Money;
import cn.yibao.card.Transport;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.SettleRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The card benchmark: one sale (read with PIN, debit with settlement record) against the virtual
 * card and PSAM wired in memory. Reports the contactless command count, the modelled tap time
 * with the timing model on (no sleeping), and the in-memory wall-clock time of a sale with the
 * model off.
 *
 * <p>Run: {@code java -cp simulator/target/simulator.jar cn.yibao.simulator.card.CardBench [sales]}
 */
public final class CardBench {

    /**
     * One exchange of the timeline of a modelled sale.
     *
     * @param device {@code card} or {@code PSAM}
     * @param command the command's header, e.g. {@code 80540100}
     * @param nanos its modelled time
     */
    public record Step(String device, String command, long nanos) {
    }

    /**
     * The result.
     *
     * @param steps the modelled timeline of one sale
     * @param cardCommands contactless commands per sale
     * @param psamCommands PSAM commands per sale
     * @param tapNanos modelled time the card must stay in the field (first to last card command)
     * @param totalNanos modelled time of the whole sale, PSAM commands after the last card command included
     * @param wallFsync in-memory wall-clock time per sale, model off, card state fsynced (sorted)
     * @param wallNoFsync the same with the card's fsync off (sorted)
     */
    public record Report(List<Step> steps, int cardCommands, int psamCommands, long tapNanos, long totalNanos,
            long[] wallFsync, long[] wallNoFsync) {

        public Report {
            steps = List.copyOf(steps);
            wallFsync = wallFsync.clone();
            wallNoFsync = wallNoFsync.clone();
        }

        @Override
        public long[] wallFsync() {
            return wallFsync.clone();
        }

        @Override
        public long[] wallNoFsync() {
            return wallNoFsync.clone();
        }

        /** @return the percentile {@code p} (0..100) of sorted times */
        public static long percentile(long[] sorted, double p) {
            if (sorted.length == 0) {
                return 0;
            }
            int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
        }
    }

    private CardBench() {
    }

    public static void main(String[] args) throws IOException {
        int sales = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Path dir = Files.createTempDirectory("card-bench");
        print(run(dir, sales), sales, System.out);
    }

    /** Runs the benchmark with card files in {@code dir}. */
    public static Report run(Path dir, int wallSales) {
        VirtualCard card = VirtualCard.fresh("employee", dir);
        VirtualPsam psam = new VirtualPsam(dir);
        card.timing(TimingModel.contactless(), false);
        psam.timing(TimingModel.contactPsam(), false);
        List<Step> steps = new ArrayList<>();
        IccTransport cardLink = new IccTransport(card);
        IccTransport psamLink = new IccTransport(psam);
        sale(new CardSession(recording("card", cardLink, card::modelledNanos, steps),
                recording("PSAM", psamLink, psam::modelledNanos, steps)), 0);
        card.timing(null, false);
        psam.timing(null, false);
        long[] wallFsync = wall(cardLink, psamLink, wallSales, 1);
        card.durable(false);
        long[] wallNoFsync = wall(cardLink, psamLink, wallSales, wallSales + 1);
        card.durable(true);
        int lastCard = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).device().equals("card")) {
                lastCard = i;
            }
        }
        long tap = steps.subList(0, lastCard + 1).stream().mapToLong(Step::nanos).sum();
        long total = steps.stream().mapToLong(Step::nanos).sum();
        int cardCommands = (int) steps.stream().filter(s -> s.device().equals("card")).count();
        return new Report(steps, cardCommands, steps.size() - cardCommands, tap, total, wallFsync, wallNoFsync);
    }

    private static long[] wall(Transport cardLink, Transport psamLink, int sales, int first) {
        long[] wall = new long[sales];
        for (int i = 0; i < sales; i++) {
            long t0 = System.nanoTime();
            sale(new CardSession(cardLink, psamLink), first + i);
            wall[i] = System.nanoTime() - t0;
        }
        Arrays.sort(wall);
        return wall;
    }

    private static void sale(CardSession session, int i) {
        session.readCard(Persona.DEFAULT_PIN);
        session.settle(new SettleRequest(Money.ofFen(1), SettlementRecord.simple(Money.ofFen(100), Money.ofFen(200),
                2026), LocalDateTime.of(2026, 11, 23, 10, 0).plusSeconds(i)));
    }

    private static Transport recording(String device, Transport link, LongSupplier clock, List<Step> steps) {
        return command -> {
            long before = clock.getAsLong();
            byte[] response = link.transceive(command);
            steps.add(new Step(device, String.format("%02X%02X%02X%02X", command[0], command[1], command[2],
                    command[3]), clock.getAsLong() - before));
            return response;
        };
    }

    static void print(Report r, int sales, PrintStream out) {
        PrintStream utf8 = new PrintStream(out, true, StandardCharsets.UTF_8);
        utf8.println("| # | device | command | modelled ms |");
        utf8.println("|---|---|---|---|");
        int n = 1;
        for (Step s : r.steps()) {
            utf8.printf("| %d | %s | `%s` | %.2f |%n", n++, s.device(), s.command(), s.nanos() / 1e6);
        }
        utf8.printf("%ncontactless commands per sale: %d (PSAM commands: %d)%n", r.cardCommands(), r.psamCommands());
        utf8.printf("modelled tap time (card in field): %.1f ms; whole sale incl. final PSAM MAC2 check: %.1f ms%n",
                r.tapNanos() / 1e6, r.totalNanos() / 1e6);
        utf8.printf("in-memory sale, timing model off, %d sales, card fsync on: p50 %.3f ms, p99 %.3f ms%n", sales,
                Report.percentile(r.wallFsync(), 50) / 1e6, Report.percentile(r.wallFsync(), 99) / 1e6);
        utf8.printf("in-memory sale, timing model off, %d sales, card fsync off: p50 %.3f ms, p99 %.3f ms%n", sales,
                Report.percentile(r.wallNoFsync(), 50) / 1e6, Report.percentile(r.wallNoFsync(), 99) / 1e6);
        if (utf8.checkError()) {
            throw new UncheckedIOException(new IOException("cannot write the report"));
        }
    }
}
