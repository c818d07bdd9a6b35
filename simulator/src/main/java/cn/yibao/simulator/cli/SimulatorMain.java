package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** Entry point of {@code simulator.jar}: virtual cards and PSAM, host simulator, devices, load. */
@Command(name = "simulator", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Simulators for engineers: virtual cards and PSAM over vpcd, the host, counter devices.",
        subcommands = {
            SimStatusCommand.class,
            SupervisionCommand.class,
            VirtualCardCommand.class,
            SandboxCommand.class,
            HostCommand.class,
        })
public final class SimulatorMain implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.run(new SimulatorMain(), SimulatorData.APP, args));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
