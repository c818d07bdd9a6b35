package cn.yibao.terminal.cli;

import picocli.CommandLine.Command;

/** Entry point of {@code terminal.jar}: the counter terminal's command line. */
@Command(name = "terminal", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Medical-insurance counter terminal: card, settlement, journal, host link.",
        subcommands = {
            StatusCommand.class,
            SettleCommand.class,
            BenchCommand.class,
            CardCommand.class,
            SaleCommand.class,
            RecoverCommand.class,
            SyncCommand.class,
            JournalCommand.class,
            ServeCommand.class,
            ApiTokenCommand.class,
            OperatorCommand.class,
            cn.yibao.terminal.cli.EnrolCommand.class,
        })
public final class TerminalMain implements Runnable {

    /** Name used for the data directory and the log file. */
    public static final String APP = "terminal";

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(Cli.run(new TerminalMain(), APP, args));
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }
}
