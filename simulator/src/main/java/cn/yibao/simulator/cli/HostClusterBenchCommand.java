package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.AckTimes;
import cn.yibao.simulator.host.Dirs;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.LoadGenerator;
import cn.yibao.simulator.host.LocalPostgres;
import cn.yibao.simulator.host.StoreLocation;
import cn.yibao.simulator.host.VirtualTerminal;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host bench-cluster}: ingest of a backlog by host instances in processes of their
 * own (on SQLite, or on a PostgreSQL cluster this command starts), the terminals in this process.
 * Reports the drain's rate and the CPU time each host instance and the database server spent per
 * record (from {@code /proc}), also in raw SM2 verifications, which do not depend on the cores, and
 * where the database's time went (pg_stat_statements).
 */
@Command(name = "bench-cluster", mixinStandardHelpOptions = true,
        description = "Benchmark: backlog drain by N host processes on SQLite or PostgreSQL, CPU per record of each.")
final class HostClusterBenchCommand implements Callable<Integer> {

    /** The warm-up ends when the JIT compilers spend less than this share of the instances' CPU in a round. */
    private static final double QUIET_JIT = 0.05;

    @Option(names = "--instances", defaultValue = "1", description = "Host processes (default ${DEFAULT-VALUE}).")
    private int instances;
    @Option(names = "--store", defaultValue = "sqlite", description = "sqlite or postgresql (default ${DEFAULT-VALUE}).")
    private String store;
    @Mixin
    private BacklogOptions backlog;
    @Option(names = "--warmup", defaultValue = "20000",
            description = "Records drained first, not measured, in two drains; then rounds of 10,000 more until the"
                    + " instances' JIT compilers are quiet (default ${DEFAULT-VALUE}).")
    private int warmup;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean pg = "postgresql".equals(store);
        if (!pg && !"sqlite".equals(store) || instances < 1 || instances > 4 || !pg && instances > 1
                || backlog.terminals < 1 || backlog.records < backlog.terminals || warmup < 0) {
            throw new BadInputException("need --store sqlite (1 instance) or postgresql (1..4), 1 <= terminals <= records,"
                    + " warmup >= 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("yibao-cluster-bench");
        Path pgDir = null;
        LocalPostgres cluster = null;
        List<Process> hosts = new ArrayList<>();
        try {
            StoreLocation db;
            if (pg) {
                // a directory of its own under the temporary directory: the postgres user must reach it
                pgDir = Files.createTempDirectory("yibao-cluster-bench-pg");
                cluster = LocalPostgres.start(pgDir, 0, true);
                db = StoreLocation.postgresql(cluster.createDatabase("bench"), null, null);
            } else {
                db = StoreLocation.sqlite(tmp.resolve("i0").resolve("host").resolve(HostSimulator.SQLITE_FILE));
            }
            List<VirtualTerminal> vts;
            try (HostSimulator setup = HostSimulator.open(tmp.resolve("i0").resolve("host"), db)) {
                vts = LoadGenerator.enrol(setup, tmp.resolve("keys"), "bench", backlog.terminals);
            }
            int[] ports = startInstances(tmp, pg ? db.jdbcUrl() : "sqlite:" + db.sqlite(), hosts);
            measure(out, vts, ports, hosts, cluster, db);
        } finally {
            hosts.forEach(p -> p.destroyForcibly());
            for (Process p : hosts) {
                p.waitFor();
            }
            if (cluster != null) {
                cluster.stop();
            }
            Dirs.deleteTree(tmp);
            if (pgDir != null) {
                Dirs.deleteTree(pgDir);
            }
        }
        return ExitCodes.OK;
    }

    private int[] startInstances(Path tmp, String storeSpec, List<Process> hosts) throws IOException {
        int[] ports = new int[instances];
        for (int i = 0; i < instances; i++) {
            if (i > 0) {
                Dirs.copyFiles(tmp.resolve("i0/host/pki"), tmp.resolve("i" + i + "/host/pki"));
            }
            hosts.add(startHost(tmp.resolve("i" + i), storeSpec));
            ports[i] = Integer.parseInt(Files.readString(tmp.resolve("i" + i + "/host/" + HostCommand.PORT_FILE),
                    StandardCharsets.US_ASCII).trim());
        }
        return ports;
    }

    /** Warms the instances up, then drains the measured backlog and reports. */
    private void measure(PrintWriter out, List<VirtualTerminal> vts, int[] ports, List<Process> hosts,
            LocalPostgres cluster, StoreLocation db) throws Exception {
        warmUp(out, vts, ports, hosts);
        LoadGenerator.fill(vts, backlog.records / backlog.terminals);
        LoadGenerator.RawVerify unitBefore = LoadGenerator.rawVerify(vts, 5);
        out.println("before the drain, " + unitBefore.describe());
        out.flush();
        if (cluster != null) {
            DatabaseCounters.resetStatements(db);
        }
        vts.forEach(t -> t.uploads.take()); // the warm-up's
        ProcCpu.Shares[] before = hostCpu(hosts);
        long commitsBefore = cluster == null ? 0 : DatabaseCounters.commits(db);
        long[] walBefore = cluster == null ? null : DatabaseCounters.wal(db);
        ProcCpu.Server dbBefore = cluster == null ? null : ProcCpu.withChildren(cluster.postmasterPid());
        LoadGenerator.Result r = LoadGenerator.drain(vts, "localhost", ports, backlog.batch, backlog.inFlight, Duration.ofMinutes(30));
        ProcCpu.Shares[] after = hostCpu(hosts);
        ProcCpu.Server dbCpu = cluster == null ? null : ProcCpu.withChildren(cluster.postmasterPid()).minus(dbBefore);
        // the machine's speed drifts over minutes: the unit is measured on both sides of the drain, and the
        // fastest round of either is the one the ratios use
        LoadGenerator.RawVerify rv = unitBefore.with(LoadGenerator.rawVerify(vts, 5));
        out.println("over both measurements, " + rv.describe());
        out.printf("%d instance(s) on %s: %d records from %d terminals drained in %.2f s = %.0f records/s%n",
                instances, store, r.records(), r.terminals(), r.drainSeconds(), r.ingestPerSecond());
        long[] acks = vts.stream().flatMapToLong(t -> java.util.Arrays.stream(t.uploads.take())).sorted().toArray();
        out.printf("  acknowledgement latency (upload read from the journal to its acknowledgement): p50 %.1f ms,"
                + " p99 %.1f ms, max %.1f ms (%d records)%n", AckTimes.percentileMillis(acks, 50),
                AckTimes.percentileMillis(acks, 99), AckTimes.percentileMillis(acks, 100), acks.length);
        report(out, before, after, r.records(), rv);
        if (cluster != null) {
            out.printf("  PostgreSQL server: %.1f s CPU = %s per record; %.3f commits per record%n", dbCpu.total(),
                    perRecord(dbCpu.total(), r.records(), rv), (DatabaseCounters.commits(db) - commitsBefore) / (double) r.records());
            out.printf("    of which the connections' backends %s, autovacuum %s, background and WAL writers %s%n",
                    perRecord(dbCpu.backends(), r.records(), rv), perRecord(dbCpu.maintenance(), r.records(), rv),
                    perRecord(dbCpu.writers(), r.records(), rv));
            long[] walAfter = DatabaseCounters.wal(db);
            out.printf("  write-ahead log per record: %.0f bytes, %.2f WAL records, %.3f full-page images%n",
                    (walAfter[0] - walBefore[0]) / (double) r.records(), (walAfter[1] - walBefore[1]) / (double) r.records(),
                    (walAfter[2] - walBefore[2]) / (double) r.records());
            DatabaseCounters.printStatements(out, db, r.records());
        }
    }

    /**
     * Drains {@code --warmup} records in two drains, each on new connections (the second's TLS handshakes
     * reach code the first compiled without them, as a host that has run a while has seen reconnections),
     * then rounds of 10,000 more until the instances' JIT compilers spend under 5 % of their CPU in a
     * round (at most 6): a method called once a group is compiled late when many terminals share a
     * group, and its compilation belongs to the warm-up, not to the measured drain. {@code --warmup 0}
     * skips it all.
     */
    private void warmUp(PrintWriter out, List<VirtualTerminal> vts, int[] ports, List<Process> hosts) throws Exception {
        if (warmup == 0) {
            return; // --warmup 0: none at all
        }
        long records = 0;
        for (int half = 0; half < 2 && warmup / 2 >= backlog.terminals; half++) {
            records += warmRound(vts, ports, warmup / 2);
        }
        double jitShare = 1;
        int rounds = 0;
        while (jitShare >= QUIET_JIT && rounds < 6) {
            ProcCpu.Shares[] before = hostCpu(hosts);
            records += warmRound(vts, ports, 10_000);
            rounds++;
            ProcCpu.Shares d = sum(before, hostCpu(hosts));
            jitShare = d.jit() / d.total();
        }
        out.printf("warm-up: %d records; in its last round of 10,000 the JIT compilers spent %.0f %% of the"
                + " instances' CPU%n", records, 100 * jitShare);
        out.flush();
    }

    private long warmRound(List<VirtualTerminal> vts, int[] ports, int records) throws Exception {
        int each = Math.max(1, records / backlog.terminals);
        LoadGenerator.fill(vts, each);
        LoadGenerator.drain(vts, "localhost", ports, backlog.batch, backlog.inFlight, Duration.ofMinutes(30));
        return (long) each * backlog.terminals;
    }

    private static ProcCpu.Shares sum(ProcCpu.Shares[] before, ProcCpu.Shares[] after) {
        ProcCpu.Shares sum = ProcCpu.Shares.ZERO;
        for (int i = 0; i < before.length; i++) {
            sum = sum.plus(after[i].minus(before[i]));
        }
        return sum;
    }

    private static void report(PrintWriter out, ProcCpu.Shares[] before, ProcCpu.Shares[] after, long records,
            LoadGenerator.RawVerify rv) {
        for (int i = 0; i < before.length; i++) {
            ProcCpu.Shares d = after[i].minus(before[i]);
            out.printf("  host instance %d: %.1f s CPU = %s per record%n", i + 1, d.total(), perRecord(d.total(), records, rv));
        }
        ProcCpu.Shares sum = sum(before, after);
        out.printf("  host instances together: %.1f s CPU = %s per record%n", sum.total(), perRecord(sum.total(), records, rv));
        out.printf("    of which application threads (verification, store) %s, event loops (TLS, frames) %s,"
                + " JIT compiler %.1f s, GC %.1f s; all but the JIT: %s%n", perRecord(sum.app(), records, rv),
                perRecord(sum.io(), records, rv), sum.jit(), sum.gc(), perRecord(sum.total() - sum.jit(), records, rv));
    }

    private static String perRecord(double cpuSeconds, long records, LoadGenerator.RawVerify rv) {
        double micros = cpuSeconds * 1e6 / records;
        return String.format("%.0f us (%.2f raw SM2 verifications)", micros, micros / rv.cpuMicros());
    }

    private static Process startHost(Path dataDir, String storeSpec) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(dataDir);
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), HostCommand.class.getName(),
                "start", "--data-dir", dataDir.toString(), "--port", "0", "--store", storeSpec)
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("host.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(dataDir.resolve("host").resolve(HostCommand.PORT_FILE))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("host instance did not start; see " + dataDir.resolve("host.out"));
            }
            LockSupport.parkNanos(50_000_000L);
        }
        return p;
    }

    private static ProcCpu.Shares[] hostCpu(List<Process> hosts) throws IOException {
        ProcCpu.Shares[] out = new ProcCpu.Shares[hosts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ProcCpu.of(hosts.get(i).pid());
        }
        return out;
    }
}
