package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.LocalPostgres;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host db start|stop}: a PostgreSQL cluster of one's own for trying several host
 * instances on one machine ({@link LocalPostgres}) — never a system cluster.
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "A throwaway PostgreSQL cluster for the host store (initdb + pg_ctl in a directory of yours).",
        subcommands = {HostDbCommand.Start.class, HostDbCommand.Stop.class})
final class HostDbCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: start or stop");
    }

    /** {@code simulator host db start}. */
    @Command(name = "start", mixinStandardHelpOptions = true,
            description = "Create (first time) and start the cluster; print the --store value of its database.")
    static final class Start implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The cluster's directory (created).")
        private Path dir;
        @Option(names = "--port", defaultValue = "55432", description = "Loopback port (default ${DEFAULT-VALUE}).")
        private int port;
        @Option(names = "--database", defaultValue = "yibao_host", description = "Database (default ${DEFAULT-VALUE}).")
        private String database;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LocalPostgres pg = LocalPostgres.start(dir, port, true);
            String url = pg.createDatabase(database);
            PrintWriter out = spec.commandLine().getOut();
            out.println("PostgreSQL listening on 127.0.0.1:" + pg.port() + " (cluster in " + pg.dir() + ")");
            out.println("host store: --store " + url.substring("jdbc:".length()));
            out.println("or: export " + HostStoreOption.ENV + "='" + url.substring("jdbc:".length()) + "'");
            return ExitCodes.OK;
        }
    }

    /** {@code simulator host db stop}. */
    @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop the cluster.")
    static final class Stop implements Callable<Integer> {
        @Option(names = "--dir", required = true, description = "The cluster's directory.")
        private Path dir;
        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            LocalPostgres.of(dir).stop();
            spec.commandLine().getOut().println("PostgreSQL in " + dir.toAbsolutePath() + " stopped");
            return ExitCodes.OK;
        }
    }
}
