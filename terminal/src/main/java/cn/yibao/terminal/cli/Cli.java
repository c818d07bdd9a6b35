package cn.yibao.terminal.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import cn.yibao.terminal.ops.LogFiles;
import picocli.CommandLine;

/**
 * Shared set-up for the command lines of the terminal and the simulator: exit codes, error
 * rendering and the data directory where logs and state live.
 */
public final class Cli {

    /** System property read by logback.xml for the log directory. */
    public static final String LOG_DIR_PROPERTY = LogFiles.LOG_DIR_PROPERTY;
    /** System property read by logback.xml for the log file's base name. */
    public static final String APP_PROPERTY = LogFiles.APP_PROPERTY;

    private Cli() {
    }

    /**
     * Builds a command line whose exceptions map to {@link ExitCodes}: bad input to 2, a refusal
     * to 3, anything else to 1 with a one-line message (the stack trace goes to the log file).
     */
    public static CommandLine commandLine(Object command) {
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Cli::handle);
        return cl;
    }

    /** Runs the command line and returns its exit code. */
    public static int run(Object command, String appName, String... args) {
        System.setProperty(APP_PROPERTY, appName);
        return commandLine(command).execute(args);
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof BadInputException) {
            err.println("bad input: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (e instanceof RefusedException refused) {
            err.println("refused: " + refused.refusal().code() + " " + refused.refusal().messageZh()
                    + " (" + refused.refusal().message() + ")");
            return ExitCodes.REFUSED;
        }
        org.slf4j.LoggerFactory.getLogger(LogFiles.FILE_ONLY_LOGGER).error("command failed", e);
        Path log = LogFiles.current();
        err.println("error: " + oneLine(e) + (log == null ? "" : " (details in " + log + ")"));
        return ExitCodes.FAILURE;
    }

    /**
     * @return what went wrong on one line: our own exceptions' messages say what to fix; another's
     *         is named by its class
     */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        String line = m == null || m.isBlank() ? "" : m.strip().lines().findFirst().orElse("");
        if (e.getClass().getName().startsWith("cn.yibao.") && !line.isEmpty()) {
            return line;
        }
        return line.isEmpty() ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + line;
    }

    /**
     * Resolves the data directory (option, then {@code YIBAO_HOME}, then {@code ~/.yibao/<app>}),
     * creates it owner-only and points the log file there.
     */
    public static Path dataDir(Path option, String appName) {
        Path dir = option;
        if (dir == null) {
            String home = System.getenv("YIBAO_HOME");
            dir = home != null && !home.isBlank()
                    ? Paths.get(home, appName)
                    : Paths.get(System.getProperty("user.home"), ".yibao", appName);
        }
        try {
            Files.createDirectories(dir);
            dir.toFile().setReadable(false, false);
            dir.toFile().setReadable(true, true);
            dir.toFile().setExecutable(false, false);
            dir.toFile().setExecutable(true, true);
        } catch (java.io.IOException e) {
            throw new BadInputException("cannot create data directory " + dir + ": " + e.getMessage(), e);
        }
        LogFiles.underDataDir(dir);
        return dir;
    }
}
