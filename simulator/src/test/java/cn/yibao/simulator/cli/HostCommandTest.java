package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.TerminalMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Enrolment on both sides, faults and status through the command lines (in-process). */
class HostCommandTest {

    @TempDir
    Path dir;

    private static String run(Object main, String... args) {
        CommandLine cl = Cli.commandLine(main);
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int rc = cl.execute(args);
        assertEquals(0, rc, out.toString());
        return out.toString();
    }

    @Test
    void enrolOnBothSidesThenStatusShowsTerminalAndFaults() {
        String host = dir.resolve("sim").toString();
        String term = dir.resolve("term").toString();
        run(new TerminalMain(), "enrol", "--data-dir", term, "--terminal-id", "T-CLI");
        run(new SimulatorMain(), "host", "enrol", "--data-dir", host, "--terminal", "T-CLI", "--dir",
                dir.resolve("term/host-link").toString());
        assertTrue(run(new TerminalMain(), "enrol", "--data-dir", term, "--check").contains("enrolled as T-CLI"));
        run(new SimulatorMain(), "host", "fault", "set", "--data-dir", host, "--lost-ack-rate", "0.5", "--drop-after", "7");
        run(new SimulatorMain(), "host", "card", "--data-dir", host, "--card-no", "C1", "--status", "LOST");
        String status = run(new SimulatorMain(), "host", "status", "--data-dir", host);
        assertTrue(status.contains("T-CLI") && status.contains("\"lost_ack_rate\":0.5") && status.contains("\"drop_after\":7")
                && status.contains("card list version: 1") && status.contains("listed-card sightings (9121): 0"), status);
    }

    @Test
    void badFaultValuesAreBadInput() {
        CommandLine cl = Cli.commandLine(new SimulatorMain());
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("host", "fault", "set", "--data-dir", dir.toString(), "--lost-ack-rate", "1.5"));
    }
}
