package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.simulator.host.Dirs;
import cn.yibao.simulator.host.Faults;
import cn.yibao.simulator.host.HostMetrics;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.HostStore;
import cn.yibao.simulator.host.Registry;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import cn.yibao.terminal.cli.MetricsOptions;
import cn.yibao.terminal.ops.MetricsServer;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulator host …}: the host simulator. State lives in {@code <data-dir>/host}. */
@Command(name = "host", mixinStandardHelpOptions = true,
        description = "The central host simulator: TLS link, signed-record verification, ledger, faults, load.",
        subcommands = {
            HostCommand.Start.class,
            HostCommand.Enrol.class,
            HostStatusCommand.class,
            HostExportCommand.class,
            HostFaultCommand.class,
            HostCommand.Card.class,
            HostLoadCommand.class,
            HostBenchCommand.class,
            HostClusterBenchCommand.class,
            HostGroupBenchCommand.class,
            HostDbCommand.class,
        })
public final class HostCommand implements Runnable {

    /** Name of the file in which a started host writes its port. */
    public static final String PORT_FILE = "host.port";
    /** Name of the file in which a started host writes its process id. */
    public static final String PID_FILE = "host.pid";

    @Spec
    private CommandSpec spec;

    /** Runs {@code simulator host …} on its own: how {@code host bench-cluster} starts its instances. */
    public static void main(String[] args) {
        System.exit(Cli.run(new HostCommand(), SimulatorData.APP, args));
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    static Path hostDir(DataDirOption dataDir) {
        return dataDir.resolve(SimulatorData.APP).resolve("host");
    }

    /** @return the port a started host wrote, or {@code dflt} */
    public static int startedPort(Path hostDir, int dflt) throws java.io.IOException {
        Path f = hostDir.resolve(PORT_FILE);
        return Files.exists(f) ? Integer.parseInt(Files.readString(f, StandardCharsets.US_ASCII).trim()) : dflt;
    }

    /** @return the readiness {@code /health/ready} serves for a host instance on {@code store} */
    public static MetricsServer.Readiness readiness(HostStore store) {
        return HostMetrics.unreadiness(store).map(why -> new MetricsServer.Readiness(false, why))
                .orElse(MetricsServer.Readiness.yes());
    }

    /**
     * {@code simulator host start}: listen until killed; with {@code --faults}, inject the faults of
     * the faults file, re-read twice a second (without it the host has no fault handlers).
     */
    @Command(name = "start", mixinStandardHelpOptions = true, description = "Start the host (creates CA and store on first start).")
    static final class Start implements Callable<Integer> {
        @Mixin
        private DataDirOption dataDir;
        @Mixin
        private HostStoreOption store;
        @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default ${DEFAULT-VALUE}).")
        private String bind;
        @Option(names = "--port", defaultValue = "7443", description = "Port (0: any free port; default ${DEFAULT-VALUE}).")
        private int port;
        @Option(names = "--faults", description = "Inject the faults set with 'host fault' (the file faults.json,"
                + " re-read twice a second); without it the host injects none.")
        private boolean faults;
        @Mixin
        private MetricsOptions metrics;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            Path dir = hostDir(dataDir);
            HostSimulator host = HostSimulator.open(dir, store.at(dir));
            if (faults) {
                host.watchFaultsFile(Duration.ofMillis(500));
            }
            host.listen(bind, port);
            io.micrometer.core.instrument.Meter connected = HostMetrics.connections(host);
            // atomically: a bench or a test polls for these files and reads them as soon as they exist
            Dirs.writeAtomically(dir.resolve(PORT_FILE), String.valueOf(host.port()));
            Dirs.writeAtomically(dir.resolve(PID_FILE), String.valueOf(ProcessHandle.current().pid()));
            PrintWriter out = spec.commandLine().getOut();
            out.println("host simulator listening on " + bind + ":" + host.port() + " (state in " + dir + ", store "
                    + host.store().describe() + ")" + (faults ? ", injecting the faults of " + dir.resolve(Faults.FILE) : ""));
            try (MetricsServer served = metrics.start("host", () -> readiness(host.store()), dir).orElse(null)) {
                if (served != null) {
                    out.println("metrics on http://" + metrics.bind() + ":" + served.port() + "/metrics (health: /health, /health/ready)");
                }
                out.flush();
                while (!Thread.currentThread().isInterrupted()) {
                    LockSupport.park(this);
                }
            }
            io.micrometer.core.instrument.Metrics.globalRegistry.remove(connected);
            host.close();
            return ExitCodes.OK;
        }
    }

    /** {@code simulator host enrol}: the host side of enrolment. */
    @Command(name = "enrol", mixinStandardHelpOptions = true,
            description = "Issue the certificates for a terminal's enrolment requests (tls.csr, sign.csr) and register it.")
    static final class Enrol implements Callable<Integer> {
        @Mixin
        private DataDirOption dataDir;
        @Mixin
        private HostStoreOption store;
        @Option(names = "--terminal", required = true, description = "Terminal id (CN of the requests).")
        private String terminal;
        @Option(names = "--dir", required = true, description = "The terminal's key directory holding the requests.")
        private Path terminalDir;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.exists(terminalDir.resolve("tls.csr")) || !Files.exists(terminalDir.resolve("sign.csr"))) {
                throw new BadInputException("no tls.csr / sign.csr in " + terminalDir + " (run the terminal's enrol first)");
            }
            try (HostSimulator host = HostSimulator.open(hostDir(dataDir), store.at(hostDir(dataDir)))) {
                host.enrol(terminalDir, terminal);
            } catch (java.security.GeneralSecurityException e) {
                throw new BadInputException("enrolment refused: " + e.getMessage(), e);
            }
            spec.commandLine().getOut().println("enrolled " + terminal + ": certificates written to " + terminalDir);
            return ExitCodes.OK;
        }
    }

    /** {@code simulator host card}: report a card lost, blacklisted or cleared. */
    @Command(name = "card", mixinStandardHelpOptions = true, description = "Put a card on the card list.")
    static final class Card implements Callable<Integer> {
        @Mixin
        private DataDirOption dataDir;
        @Mixin
        private HostStoreOption store;
        @Option(names = "--card-no", required = true, description = "Card number.")
        private String cardNo;
        @Option(names = "--status", required = true, description = "LOST, BLACKLISTED or CLEARED.")
        private String status;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Registry.STATUSES.contains(status)) {
                throw new BadInputException("status must be one of " + Registry.STATUSES);
            }
            try (HostSimulator host = HostSimulator.open(hostDir(dataDir), store.at(hostDir(dataDir)))) {
                long v = host.service().reportCard(cardNo, status, Instant.now());
                spec.commandLine().getOut().println("card list version " + v);
            }
            return ExitCodes.OK;
        }
    }
}
