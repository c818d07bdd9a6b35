package cn.yibao.terminal.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code terminal journal …}: the counter's journal of transactions and signed records. */
@Command(name = "journal", mixinStandardHelpOptions = true,
        description = "The counter's journal of transactions and signed records.",
        subcommands = {
            JournalVerifyCommand.class,
        })
final class JournalCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
