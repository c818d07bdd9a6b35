package cn.yibao.terminal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code terminal card …}: the card in the counter's reader. */
@Command(name = "card", mixinStandardHelpOptions = true,
        description = "The insured person's card in the counter's reader.",
        subcommands = {
            CardReadCommand.class,
        })
final class CardCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
