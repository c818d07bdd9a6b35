package cn.yibao.simulator.cli;

import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.LoadGenerator;
import cn.yibao.simulator.host.VirtualTerminal;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
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
 * {@code simulator host bench}: (default) an in-process host in a fresh directory, a backlog of
 * signed records in N virtual journals, the raw SM2 verification rate on those records and the
 * host's ingest rate draining them, in the same run; ({@code --idle N}) N idle terminals holding
 * TLS connections with heartbeats to a separately started host, whose resident memory is reported.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark: ingest vs raw SM2 verify and backlog drain, or --idle N connections.")
final class HostBenchCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;
    @Mixin
    private BacklogOptions backlog;
    @Option(names = "--idle", defaultValue = "0", description = "Instead: hold this many idle connections to the started host.")
    private int idle;
    @Option(names = "--hold-seconds", defaultValue = "60", description = "With --idle: how long to hold them (default ${DEFAULT-VALUE}).")
    private int holdSeconds;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (backlog.terminals < 1 || backlog.records < backlog.terminals || idle < 0) {
            throw new BadInputException("need 1 <= terminals <= records and idle >= 0");
        }
        return idle > 0 ? idle() : ingest();
    }

    private Integer ingest() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Files.createTempDirectory("yibao-host-bench");
        try (HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0)) {
            List<VirtualTerminal> vts = LoadGenerator.enrol(host, dir.resolve("keys"), "bench", backlog.terminals);
            long t0 = System.nanoTime();
            LoadGenerator.fill(vts, backlog.records / backlog.terminals);
            out.printf("signed %d records in %.1f s%n", backlog.records / backlog.terminals * backlog.terminals, (System.nanoTime() - t0) / 1e9);
            LoadGenerator.RawVerify rv = LoadGenerator.rawVerify(vts, 5);
            double raw = rv.perSecond();
            double rawCpuMicros = rv.cpuMicros();
            out.println(rv.describe());
            out.flush();
            LoadGenerator.Result r = LoadGenerator.drain(vts, "localhost", host.port(), backlog.batch, backlog.inFlight, Duration.ofMinutes(10));
            out.printf("host ingest: %d records from %d terminals in %.2f s = %.0f records/s (%.0f %% of raw verify)%n",
                    r.records(), r.terminals(), r.drainSeconds(), r.ingestPerSecond(), 100 * r.ingestPerSecond() / raw);
            int cores = Runtime.getRuntime().availableProcessors();
            double cpuMicros = r.cpuSeconds() * 1e6 / r.records();
            out.printf("process CPU while draining (host and the in-process terminals): %.1f s on %d cores (%.0f %% of"
                    + " them) = %.0f us per record = %.1f raw verifications%n", r.cpuSeconds(), cores,
                    100 * r.cpuSeconds() / (r.drainSeconds() * cores), cpuMicros, cpuMicros / rawCpuMicros);
        }
        return ExitCodes.OK;
    }

    private Integer idle() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = HostCommand.hostDir(dataDir);
        int port = HostCommand.startedPort(dir, 7443);
        long pid = Long.parseLong(Files.readString(dir.resolve(HostCommand.PID_FILE), StandardCharsets.US_ASCII).trim());
        List<VirtualTerminal> vts;
        try (HostSimulator host = HostSimulator.open(dir)) {
            vts = LoadGenerator.enrol(host, dir.resolve("idle-keys").resolve(String.valueOf(System.currentTimeMillis())),
                    "idle" + Long.toString(System.currentTimeMillis(), 36), idle);
        }
        out.printf("host RSS before: %d MiB%n", rssMiB(pid));
        List<HostSession> sessions = new ArrayList<>();
        long t0 = System.nanoTime();
        try {
            for (VirtualTerminal vt : vts) {
                sessions.add(vt.session(port));
            }
            out.printf("%d terminals connected and signed in in %.1f s; host RSS: %d MiB%n", sessions.size(),
                    (System.nanoTime() - t0) / 1e9, rssMiB(pid));
            out.flush();
            LockSupport.parkNanos(Duration.ofSeconds(holdSeconds).toNanos());
            long alive = sessions.stream().filter(HostSession::isActive).count();
            out.printf("after %d s idle with heartbeats: %d connections alive; host RSS: %d MiB%n", holdSeconds, alive,
                    rssMiB(pid));
        } finally {
            sessions.forEach(HostSession::close);
        }
        return ExitCodes.OK;
    }

    private static long rssMiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
