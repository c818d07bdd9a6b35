package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulatorCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.commandLine(new SimulatorMain());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsTheSubcommands() {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(out.toString().contains("Commands:"), out.toString());
        assertTrue(out.toString().contains("status"), out.toString());
    }

    @Test
    void unknownOptionExitsTwo() {
        assertEquals(ExitCodes.USAGE, run("--bogus"));
        assertTrue(err.toString().contains("Unknown option: '--bogus'"), err.toString());
    }
}
