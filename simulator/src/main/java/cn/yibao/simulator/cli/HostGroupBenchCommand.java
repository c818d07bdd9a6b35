package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.Dirs;
import cn.yibao.simulator.host.GroupWriteBench;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.LoadGenerator;
import cn.yibao.simulator.host.LocalPostgres;
import cn.yibao.simulator.host.StoreLocation;
import cn.yibao.simulator.host.VirtualTerminal;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host bench-group}: the database's side of group commit alone
 * ({@link GroupWriteBench}) on a PostgreSQL cluster this command starts, at several group sizes:
 * the backend's CPU per record, also in raw SM2 verifications. With {@code --pause-ms} and
 * {@code --busy-threads} it puts back, one at a time, what {@code bench-cluster} adds around the
 * database: the wait between groups and the host's threads on the same cores.
 */
@Command(name = "bench-group", mixinStandardHelpOptions = true,
        description = "Benchmark: the group commit's statement alone on PostgreSQL, backend CPU per record by group size.")
final class HostGroupBenchCommand implements Callable<Integer> {

    @Option(names = "--groups", split = ",", defaultValue = "1,10,20,40",
            description = "Group sizes (uploads of one record, one a terminal), in turn (default ${DEFAULT-VALUE}).")
    private List<Integer> groups;
    @Option(names = "--records", defaultValue = "20000", description = "Records written at each size (default ${DEFAULT-VALUE}).")
    private int records;
    @Option(names = "--pause-ms", defaultValue = "0",
            description = "Pause after each group, as the wait for the next uploads (default ${DEFAULT-VALUE}).")
    private double pauseMs;
    @Option(names = "--busy-threads", defaultValue = "0",
            description = "Threads verifying SM2 signatures meanwhile, as a host's on the same cores (default ${DEFAULT-VALUE}).")
    private int busyThreads;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int most = groups.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (groups.stream().anyMatch(g -> g < 1) || most > 64 || records < most || pauseMs < 0 || busyThreads < 0
                || busyThreads > 16) {
            throw new BadInputException("need groups of 1..64, records >= the largest group, pause >= 0, 0..16 busy threads");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("yibao-group-bench");
        Path pgDir = Files.createTempDirectory("yibao-group-bench-pg");
        LocalPostgres cluster = null;
        try {
            cluster = LocalPostgres.start(pgDir, 0, true);
            StoreLocation db = StoreLocation.postgresql(cluster.createDatabase("bench"), null, null);
            List<VirtualTerminal> vts;
            try (HostSimulator setup = HostSimulator.open(tmp.resolve("host"), db)) {
                vts = LoadGenerator.enrol(setup, tmp.resolve("keys"), "bench", Math.max(most, 10));
            }
            LoadGenerator.fill(vts, 20); // signed records: the unit's and the busy threads' sample
            LoadGenerator.RawVerify unit = LoadGenerator.rawVerify(vts, 5);
            out.println(unit.describe());
            out.printf("groups written back to back on one connection, %.1f ms pause after each, %d thread(s) verifying"
                    + " SM2 signatures meanwhile%n", pauseMs, busyThreads);
            out.flush();
            AutoCloseable busy = LoadGenerator.verifying(vts, busyThreads);
            try (GroupWriteBench bench = new GroupWriteBench(db.jdbcUrl())) {
                long backend = bench.backendPid();
                bench.write(10, Math.min(records, 20_000), 0, () -> 0); // warm-up: plans, caches, the JIT
                long pause = (long) (pauseMs * 1e6);
                for (int g : groups) {
                    double seconds = bench.write(g, records, pause, () -> cpuMicros(backend)) / 1e6;
                    long written = (records + g - 1L) / g * g; // whole groups
                    double micros = seconds * 1e6 / written;
                    out.printf("  group of %2d: backend %.1f s CPU = %.1f us (%.2f raw SM2 verifications) per record%n",
                            g, seconds, micros, micros / unit.cpuMicros());
                    out.flush();
                }
            } finally {
                busy.close();
            }
        } finally {
            if (cluster != null) {
                cluster.stop();
            }
            Dirs.deleteTree(tmp);
            Dirs.deleteTree(pgDir);
        }
        return ExitCodes.OK;
    }

    /** @return the CPU time of process {@code pid} so far, in microseconds (counted by the kernel in hundredths of a second) */
    private static long cpuMicros(long pid) {
        try {
            return Math.round(ProcCpu.of(pid).total() * 1e6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
