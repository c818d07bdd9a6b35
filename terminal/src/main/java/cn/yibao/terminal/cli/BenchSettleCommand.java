package cn.yibao.terminal.cli;

import cn.yibao.card.Money;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.terminal.settlement.Item;
import cn.yibao.terminal.settlement.ItemClass;
import cn.yibao.terminal.settlement.Person;
import cn.yibao.terminal.settlement.PersonCategory;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.VisitTerms;
import cn.yibao.terminal.settlement.VisitType;
import cn.yibao.terminal.settlement.YearToDate;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.LongSupplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terminal bench settle}: time the settlement engine on a 10-item pharmacy sale and a
 * 5,000-item inpatient bill, engine only and with the JSON reading and canonical rendering around
 * it. Warm-up and measurement last a given CPU time of the benchmark thread, not wall time, so that
 * on a shared machine the JIT gets the same work before measuring. Each scenario is warmed up, then timed in batches of about a millisecond; the figures are
 * the wall-clock mean over all operations, the median and 99th percentile of the batch means, and
 * the mean thread CPU time per operation (which leaves out the time other processes held the CPU).
 */
@Command(name = "settle", mixinStandardHelpOptions = true,
        description = "Benchmark the settlement engine (10-item pharmacy sale, 5,000-item inpatient bill).")
final class BenchSettleCommand implements Callable<Integer> {

    @Option(names = "--warmup", paramLabel = "SECONDS", defaultValue = "3",
            description = "Warm-up per scenario, in CPU seconds of the benchmark thread (default: ${DEFAULT-VALUE}).")
    private double warmupSeconds;

    @Option(names = "--seconds", paramLabel = "SECONDS", defaultValue = "5",
            description = "Measured time per scenario, in CPU seconds of the benchmark thread "
                    + "(default: ${DEFAULT-VALUE}).")
    private double seconds;

    @Spec
    private CommandSpec spec;

    /** Defeats dead-code elimination. */
    private long sink;

    @Override
    public Integer call() {
        if (!(warmupSeconds >= 0 && warmupSeconds <= 600 && seconds > 0 && seconds <= 600)) {
            throw new BadInputException("--warmup must be in [0, 600] and --seconds in (0, 600]");
        }
        PolicyPack pack = PolicyPacks.changchun2010();
        SettlementRequest pharmacy = pharmacySale(10);
        SettlementRequest inpatient = inpatientBill(5_000);
        byte[] pharmacyJson = RequestJson.canonical(pharmacy);
        byte[] inpatientJson = RequestJson.canonical(inpatient);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("java %s, %s, %d cpu(s); warm-up %.1f s, measured %.1f s of thread CPU time per scenario%n",
                System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors(), warmupSeconds, seconds);
        out.printf("%-34s %10s %12s %12s %12s %12s%n", "scenario", "ops", "mean µs", "median µs", "p99 µs",
                "cpu µs");
        run(out, "engine pharmacy 10 items", () -> SettlementEngine.settle(pharmacy, pack).setlinfo().psnCashPay().fen());
        run(out, "engine inpatient 5000 items",
                () -> SettlementEngine.settle(inpatient, pack).setlinfo().psnCashPay().fen());
        run(out, "json+engine pharmacy 10 items", () -> ResultJson.canonical(
                SettlementEngine.settle(RequestJson.read(pharmacyJson), pack)).length);
        run(out, "json+engine inpatient 5000 items", () -> ResultJson.canonical(
                SettlementEngine.settle(RequestJson.read(inpatientJson), pack)).length);
        out.println("sink " + (sink & 1));
        return ExitCodes.OK;
    }

    private void run(PrintWriter out, String name, LongSupplier op) {
        int size = 1;
        while (batch(op, size) < 1_000_000L && size < 1 << 20) {
            size *= 2;
        }
        long warmEnd = cpuNow() + (long) (warmupSeconds * 1e9);
        while (cpuNow() < warmEnd) {
            batch(op, size);
        }
        List<Double> perOp = new ArrayList<>();
        long totalNanos = 0;
        long ops = 0;
        long cpuStart = cpuNow();
        long end = cpuStart + (long) (seconds * 1e9);
        while (cpuNow() < end) {
            long nanos = batch(op, size);
            totalNanos += nanos;
            ops += size;
            perOp.add(nanos / 1e3 / size);
        }
        long cpuNanos = cpuNow() - cpuStart;
        double[] sorted = perOp.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        out.printf("%-34s %10d %12.2f %12.2f %12.2f %12.2f%n", name, ops, totalNanos / 1e3 / ops,
                sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) (sorted.length * 0.99))],
                cpuNanos / 1e3 / ops);
        out.flush();
    }

    /** @return this thread's CPU time in nanoseconds, or wall-clock nanoseconds where the JVM cannot tell */
    private static long cpuNow() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** @return the wall-clock nanoseconds of {@code n} operations */
    private long batch(LongSupplier op, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            sink += op.getAsLong();
        }
        return System.nanoTime() - start;
    }

    /** @return an employee's pharmacy sale of {@code n} items, paid from the account */
    static SettlementRequest pharmacySale(int n) {
        return request(n, new VisitTerms(VisitType.PHARMACY, InstitutionLevel.PHARMACY, false), 7);
    }

    /** @return an employee's inpatient bill of {@code n} items at a municipal hospital */
    static SettlementRequest inpatientBill(int n) {
        return request(n, new VisitTerms(VisitType.INPATIENT, InstitutionLevel.MUNICIPAL, false), 11);
    }

    private static SettlementRequest request(int n, VisitTerms visit, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        ItemClass[] classes = {ItemClass.A, ItemClass.A, ItemClass.B, ItemClass.C};
        List<Item> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            items.add(new Item("H" + i, "药品" + i, classes[random.nextInt(classes.length)],
                    Money.ofFen(100 + random.nextLong(50_000))));
        }
        Person person = new Person(PersonCategory.EMPLOYEE, null, false, false, InsuranceStatus.NORMAL,
                Money.ofYuan(1_000));
        return new SettlementRequest(person, visit, YearToDate.ZERO, true, items);
    }
}
