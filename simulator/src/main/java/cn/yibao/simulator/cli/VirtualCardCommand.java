package cn.yibao.simulator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code simulator card …}: virtual cards and PSAM in pcscd through vpcd. */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "Virtual medical-insurance cards and PSAM, plugged into pcscd through vpcd.",
        subcommands = {
            CardStartCommand.class,
            CardInsertCommand.class,
            CardRemoveCommand.class,
            CardPersonasCommand.class,
            CardShowCommand.class,
        })
final class VirtualCardCommand implements Runnable {

    /** Sub-directory of the simulator's data directory holding the cards' and PSAM's state. */
    static final String CARD_DIR = "cards";

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
