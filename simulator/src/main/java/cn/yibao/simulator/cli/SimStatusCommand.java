package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code simulator status}: the simulator's data directory and whether the vpcd driver is installed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the simulator's data directory and the vpcd driver it plugs cards into.")
final class SimStatusCommand implements Callable<Integer> {

    static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = dataDir.resolve(SimulatorData.APP);
        PrintWriter out = spec.commandLine().getOut();
        out.println("simulator data directory: " + dir);
        out.println("vpcd driver: " + (Files.exists(VPCD_DRIVER) ? VPCD_DRIVER : "missing (install vsmartcard-vpcd)"));
        return ExitCodes.OK;
    }
}
