package cn.yibao.simulator.cli;

import cn.yibao.hostlink.saf.ForwardSettings;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.LoadGenerator;
import cn.yibao.simulator.host.VirtualTerminal;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host load}: enrols N new virtual terminals with the host in the data directory,
 * has each sign M settlements and drains them to the running host with store-and-forward.
 */
@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Drive N virtual terminals against a running host and report the ingest rate.")
final class HostLoadCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;
    @Mixin
    private HostStoreOption store;
    @Option(names = "--terminals", defaultValue = "3", description = "Virtual terminals (default ${DEFAULT-VALUE}).")
    private int terminals;
    @Option(names = "--transactions", defaultValue = "1000", description = "Settlements per terminal (default ${DEFAULT-VALUE}).")
    private int transactions;
    @Option(names = "--batch", defaultValue = "200", description = "Records per upload (default ${DEFAULT-VALUE}).")
    private int batch;
    @Option(names = "--port", description = "Host port (default: the one the started host wrote).")
    private Integer port;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (terminals < 1 || terminals > 10_000 || transactions < 1 || transactions > 10_000_000) {
            throw new BadInputException("terminals must be 1..10000 and transactions 1..10000000");
        }
        Path dir = HostCommand.hostDir(dataDir);
        int p = port != null ? port : HostCommand.startedPort(dir, 7443);
        List<VirtualTerminal> vts;
        try (HostSimulator host = HostSimulator.open(dir, store.at(dir))) {
            vts = LoadGenerator.enrol(host, dir.resolve("load-keys").resolve(String.valueOf(System.currentTimeMillis())),
                    "load" + Long.toString(System.currentTimeMillis(), 36), terminals);
        }
        LoadGenerator.fill(vts, transactions);
        LoadGenerator.Result r = LoadGenerator.drain(vts, "localhost", p, batch, ForwardSettings.UPLOADS_IN_FLIGHT, Duration.ofMinutes(30));
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d terminals, %d records acknowledged in %.2f s: %.0f records/s%n", r.terminals(), r.records(),
                r.drainSeconds(), r.ingestPerSecond());
        return ExitCodes.OK;
    }
}
