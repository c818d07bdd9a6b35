package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.simulator.cli.SimulatorMain;
import cn.yibao.terminal.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code host status} is read-only beside a running instance (no store created, nothing written,
 * nothing logged) and shows the backlog a terminal reported at sign-in.
 */
class HostStatusIT {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = Cli.commandLine(new SimulatorMain());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(out, true));
        int rc = cl.execute(args);
        return new String[] {String.valueOf(rc), out.toString()};
    }

    @Test
    void statusOfAHostThatNeverStartedCreatesNothing() {
        String[] r = run("host", "status", "--data-dir", dir.resolve("none").toString());
        assertEquals("1", r[0], r[1]);
        assertTrue(r[1].startsWith("error: no host store at ") && r[1].strip().lines().count() == 1, r[1]);
        Path hostDir = dir.resolve("none/host");
        assertFalse(Files.exists(hostDir.resolve(HostSimulator.SQLITE_FILE)), "no store created");
        assertFalse(Files.exists(hostDir.resolve("pki")), "no CA created");
    }

    @Test
    void statusBesideARunningHostShowsTheBacklogReportedAtSignInAndWritesNothing() throws Exception {
        Path data = dir.resolve("data");
        Path hostDir = data.resolve("host");
        try (HostSimulator host = HostSimulator.open(hostDir).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-STATUS");
            // a terminal with 7 records in its journal, none uploaded yet, signs in
            try (HostSession s = HostSession.open(VirtualTerminal.GROUP, "localhost", host.port(), t.creds.clientContext(), "HTSTATUS",
                    "OP1", Duration.ofSeconds(30), Duration.ofSeconds(10),
                    () -> Json.object().put("journal_head", 7).put("acked_seq", 0))) {
                run("host", "status", "--data-dir", data.toString()); // the log file exists from here on
                Path log = cn.yibao.terminal.ops.LogFiles.current();
                assertEquals(data.resolve("logs").toAbsolutePath(), log.getParent());
                long logSize = Files.exists(log) ? Files.size(log) : -1;
                long dbModified = Files.getLastModifiedTime(hostDir.resolve(HostSimulator.SQLITE_FILE)).toMillis();
                String[] r = run("host", "status", "--data-dir", data.toString());
                assertEquals("0", r[0], r[1]);
                assertTrue(r[1].contains("(read-only)"), r[1]);
                assertTrue(r[1].lines().anyMatch(l -> l.matches("T-STATUS\\s+0\\s+7\\s+7\\s+.*")), "backlog 7:\n" + r[1]);
                assertEquals(logSize, Files.exists(log) ? Files.size(log) : -1, "nothing written to the log");
                assertEquals(dbModified, Files.getLastModifiedTime(hostDir.resolve(HostSimulator.SQLITE_FILE)).toMillis());
                assertTrue(s.isActive());
            }
        }
    }
}
