package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code terminal serve}'s options; serving itself is tested on the sandbox (simulator {@code SandboxCommandIT}). */
class ServeCommandIT {

    @Test
    void theDemoCounterIsGoneAndServeDemoNamesTheSandbox(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, cl.execute("serve", "--demo", "--port", "0", "--data-dir", tmp.toString()));
        assertTrue(err.toString().contains("java -jar simulator/target/simulator.jar sandbox"), err.toString());
    }

    @Test
    void liveServeChecksItsReaderOptions(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, cl.execute("serve", "--data-dir", tmp.toString(), "--wait", "0"));
        assertTrue(err.toString().contains("--wait"), err.toString());
    }

    @Test
    void apiTokenPrintsTheSameTokenEveryTime(@TempDir Path tmp) {
        String first = token(tmp);
        assertEquals(first, token(tmp));
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
    }

    private static String token(Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setOut(new PrintWriter(out, true));
        assertEquals(ExitCodes.OK, cl.execute("api-token", "--data-dir", dir.toString()));
        assertTrue(out.toString().contains("console login: http://127.0.0.1:8620/console/login?ticket="), out.toString());
        return out.toString().lines().findFirst().orElseThrow();
    }
}
