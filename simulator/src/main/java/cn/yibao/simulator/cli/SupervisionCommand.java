package cn.yibao.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code simulator supervision}: host-side fund supervision on generated traffic. */
@Command(name = "supervision", mixinStandardHelpOptions = true,
        description = "Host-side fund supervision: generate a month of labelled traffic, evaluate the detectors, "
                + "write the monthly pharmacy reports.",
        subcommands = {SupervisionGenerateCommand.class, SupervisionEvaluateCommand.class, SupervisionReportCommand.class})
final class SupervisionCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
