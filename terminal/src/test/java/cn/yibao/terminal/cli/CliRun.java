package cn.yibao.terminal.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Test fixture: runs the terminal command line in process with captured output and, optionally,
 * standard input.
 *
 * @param exit the exit code
 * @param out  what went to standard output
 * @param err  what went to standard error
 */
public record CliRun(int exit, String out, String err) {

    /** Runs {@code terminal args…}. */
    public static CliRun run(String... args) {
        return runWithInput(null, args);
    }

    /** Runs {@code terminal args…} with {@code stdin} as standard input. */
    public static synchronized CliRun runWithInput(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        InputStream saved = System.in;
        try {
            if (stdin != null) {
                System.setIn(new ByteArrayInputStream(stdin));
            }
            int exit = cl.execute(args);
            return new CliRun(exit, out.toString(), err.toString());
        } finally {
            System.setIn(saved);
        }
    }
}
