package cn.yibao.simulator.host;

import cn.yibao.simulator.cli.SimulatorMain;
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
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host bench-cluster}: ingest of a backlog by host instances in processes of their
 * own (on SQLite, or on a PostgreSQL cluster this command starts), the terminals in this process.
 * Reports the drain's rate and the CPU time each host instance and the database server spent per
 * record (from {@code /proc}), also in raw SM2 verifications, which do not depend on the cores.
 */
@Command(name = "bench-cluster", mixinStandardHelpOptions = true,
        description = "Benchmark: backlog drain by N host processes on SQLite or PostgreSQL, CPU per record of each.")
final class HostClusterBenchCommand implements Callable<Integer> {

    /** Linux's USER_HZ: the unit of the CPU times in /proc/PID/stat. */
    private static final double TICKS_PER_SECOND = 100;

    @Option(names = "--instances", defaultValue = "1", description = "Host processes (default ${DEFAULT-VALUE}).")
    private int instances;
    @Option(names = "--store", defaultValue = "sqlite", description = "sqlite or postgresql (default ${DEFAULT-VALUE}).")
    private String store;
    @Option(names = "--terminals", defaultValue = "10", description = "Virtual terminals (default ${DEFAULT-VALUE}).")
    private int terminals;
    @Option(names = "--records", defaultValue = "100000", description = "Backlog in total (default ${DEFAULT-VALUE}).")
    private int records;
    @Option(names = "--batch", defaultValue = "500", description = "Records per upload (default ${DEFAULT-VALUE}).")
    private int batch;
    @Option(names = "--warmup", defaultValue = "20000",
            description = "Records drained first, not measured: the instances' JIT and pools warm (default ${DEFAULT-VALUE}).")
    private int warmup;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        boolean pg = "postgresql".equals(store);
        if (!pg && !"sqlite".equals(store) || instances < 1 || instances > 4 || !pg && instances > 1
                || terminals < 1 || records < terminals) {
            throw new BadInputException("need --store sqlite (1 instance) or postgresql (1..4), 1 <= terminals <= records");
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
                vts = LoadGenerator.enrol(setup, tmp.resolve("keys"), "bench", terminals);
            }
            int[] ports = new int[instances];
            for (int i = 0; i < instances; i++) {
                if (i > 0) {
                    Dirs.copyFiles(tmp.resolve("i0/host/pki"), tmp.resolve("i" + i + "/host/pki"));
                }
                hosts.add(startHost(tmp.resolve("i" + i), pg ? db.jdbcUrl() : "sqlite:" + db.sqlite()));
                ports[i] = Integer.parseInt(Files.readString(tmp.resolve("i" + i + "/host/" + HostCommand.PORT_FILE),
                        StandardCharsets.US_ASCII).trim());
            }
            if (warmup >= terminals) {
                LoadGenerator.fill(vts, warmup / terminals);
                LoadGenerator.drain(vts, "localhost", ports, batch, Duration.ofMinutes(30));
            }
            LoadGenerator.fill(vts, records / terminals);
            LoadGenerator.RawVerify rv = LoadGenerator.rawVerify(vts, 5);
            out.printf("raw SM2 verify (1 thread): %.0f /s (%.0f us CPU each)%n", rv.perSecond(), rv.cpuMicros());
            out.flush();
            double[] before = hostCpu(hosts);
            double dbBefore = cluster == null ? 0 : serverCpu(cluster.postmasterPid());
            LoadGenerator.Result r = LoadGenerator.drain(vts, "localhost", ports, batch, Duration.ofMinutes(30));
            double[] after = hostCpu(hosts);
            double dbSeconds = cluster == null ? 0 : serverCpu(cluster.postmasterPid()) - dbBefore;
            out.printf("%d instance(s) on %s: %d records from %d terminals drained in %.2f s = %.0f records/s%n",
                    instances, store, r.records(), r.terminals(), r.drainSeconds(), r.ingestPerSecond());
            double hostTotal = 0;
            for (int i = 0; i < instances; i++) {
                double s = after[i] - before[i];
                hostTotal += s;
                out.printf("  host instance %d: %.1f s CPU = %s per record%n", i + 1, s, perRecord(s, r.records(), rv));
            }
            out.printf("  host instances together: %.1f s CPU = %s per record%n", hostTotal,
                    perRecord(hostTotal, r.records(), rv));
            if (cluster != null) {
                out.printf("  PostgreSQL server: %.1f s CPU = %s per record%n", dbSeconds,
                        perRecord(dbSeconds, r.records(), rv));
            }
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

    private static String perRecord(double cpuSeconds, long records, LoadGenerator.RawVerify rv) {
        double micros = cpuSeconds * 1e6 / records;
        return String.format("%.0f us (%.2f raw SM2 verifications)", micros, micros / rv.cpuMicros());
    }

    private static Process startHost(Path dataDir, String storeSpec) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.createDirectories(dataDir);
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                "host", "start", "--data-dir", dataDir.toString(), "--port", "0", "--store", storeSpec)
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

    private static double[] hostCpu(List<Process> hosts) throws IOException {
        double[] out = new double[hosts.size()];
        for (int i = 0; i < out.length; i++) {
            long[] t = stat(hosts.get(i).pid());
            out[i] = (t[0] + t[1]) / TICKS_PER_SECOND;
        }
        return out;
    }

    /** @return CPU seconds of the postmaster, its live children and the children it has reaped */
    private static double serverCpu(long postmaster) throws IOException {
        long[] pm = stat(postmaster);
        long ticks = pm[0] + pm[1] + pm[2] + pm[3];
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    long[] t = stat(Long.parseLong(p.getFileName().toString()));
                    if (t[4] == postmaster) {
                        ticks += t[0] + t[1];
                    }
                } catch (IOException gone) {
                    // the process ended meanwhile: the postmaster's children times hold it
                }
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    /** @return utime, stime, cutime, cstime (ticks) and the parent pid of a process */
    private static long[] stat(long pid) throws IOException {
        String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
        String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
        // after "pid (comm) ": state ppid ... utime is field 14 of the line, the 12th after comm
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]),
            Long.parseLong(f[1])};
    }
}
