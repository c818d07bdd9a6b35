package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.FaultPlan;
import cn.yibao.simulator.host.Faults;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host fault set|clear}: changes the faults of a running host (globally or for
 * one connection) through its faults file, which a host started with {@code --faults} re-reads twice
 * a second (one started without it injects no faults).
 */
@Command(name = "fault", mixinStandardHelpOptions = true,
        description = "Inject faults into a running host started with --faults: set (with options) or clear.")
final class HostFaultCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;
    @Parameters(index = "0", description = "set or clear")
    private String action;
    @Option(names = "--connection", description = "Only this connection (see the host log); default: global.")
    private Long connection;
    @Option(names = "--delay-ms", defaultValue = "0", description = "Delay each response.")
    private long delay;
    @Option(names = "--drop-after", defaultValue = "0", description = "Close a connection after this many requests.")
    private int dropAfter;
    @Option(names = "--duplicate-ack-rate", defaultValue = "0", description = "Probability of a duplicated acknowledgement.")
    private double duplicate;
    @Option(names = "--lost-ack-rate", defaultValue = "0", description = "Probability of a lost acknowledgement.")
    private double lost;
    @Option(names = "--stall-ms", defaultValue = "0", description = "Stop reading for this long after the first request.")
    private long stall;
    @Option(names = "--slow-reader-ms", defaultValue = "0", description = "Pause reading this long after each request.")
    private long slow;
    @Option(names = "--refuse-tls", description = "Close new connections before the TLS handshake.")
    private boolean refuseTls;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = HostCommand.hostDir(dataDir);
        Faults current = new Faults();
        current.load(dir);
        FaultPlan plan;
        switch (action) {
            case "set" -> {
                try {
                    plan = new FaultPlan(delay, dropAfter, duplicate, lost, stall, slow, refuseTls);
                } catch (IllegalArgumentException e) {
                    throw new BadInputException(e.getMessage(), e);
                }
            }
            case "clear" -> plan = FaultPlan.NONE;
            default -> throw new BadInputException("action must be set or clear");
        }
        Map<Long, FaultPlan> per = new HashMap<>(current.perConnection());
        FaultPlan global = current.global();
        if (connection != null) {
            per.put(connection, plan);
            per.values().removeIf(FaultPlan::none);
        } else {
            global = plan;
            if (plan.none()) {
                per.clear();
            }
        }
        Files.createDirectories(dir);
        Faults.write(dir, global, per);
        spec.commandLine().getOut().println("faults " + (connection == null ? "(global)" : "(connection " + connection + ")")
                + ": " + plan + " (applied by a host started with --faults)");
        return ExitCodes.OK;
    }
}
