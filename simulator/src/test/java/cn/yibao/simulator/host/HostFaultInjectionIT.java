package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.saf.StoreAndForward;
import cn.yibao.simulator.cli.HostCommand;
import cn.yibao.simulator.cli.SimulatorMain;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The host injects faults only when a fault plan is given: {@code simulator host start} without
 * {@code --faults} has no fault handlers (a faults file that would lose every acknowledgement
 * changes nothing) and no thread re-reading the faults file; with {@code --faults} it applies the
 * file and follows {@code simulator host fault} at run time. (The faults themselves:
 * {@code StoreAndForwardIT}, {@code FailoverIT}, {@code ExactlyOnceIT}.)
 */
class HostFaultInjectionIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final FaultPlan EVERY_ACK_LOST = new FaultPlan(0, 0, 0, 1.0, 0, 0, false);

    @TempDir
    Path dir;
    Path data;
    Path hostDir;
    VirtualTerminal terminal;
    Thread hostThread;
    final List<StoreAndForward> safs = new ArrayList<>();

    @BeforeEach
    void enrolAndSell() throws Exception {
        data = dir.resolve("data");
        hostDir = data.resolve("host");
        try (HostSimulator setup = HostSimulator.open(hostDir)) {
            terminal = LoadGenerator.enrol(setup, dir.resolve("keys"), "FI", 1).get(0);
        }
        for (int i = 0; i < 5; i++) {
            terminal.settle(1_000 + i);
        }
        Faults.write(hostDir, EVERY_ACK_LOST, Map.of());
    }

    @AfterEach
    void stopHost() throws Exception {
        safs.forEach(StoreAndForward::close);
        if (hostThread != null) {
            hostThread.interrupt();
            hostThread.join(WAIT.toMillis());
            assertFalse(hostThread.isAlive(), "host start ends when interrupted");
        }
        Await.until(WAIT, () -> !watcherRuns(), "the faults watcher stops with the host");
    }

    private static boolean watcherRuns() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && HostSimulator.FAULTS_WATCHER.equals(t.getName()));
    }

    private static String run(String... args) {
        CommandLine cl = Cli.commandLine(new SimulatorMain());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        assertEquals(0, cl.execute(args), out.toString());
        return out.toString();
    }

    /** Runs {@code simulator host start} in this JVM until the test ends; @return its port. */
    private int startHost(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("host", "start", "--data-dir", data.toString(), "--port", "0"));
        args.addAll(List.of(extra));
        hostThread = new Thread(() -> run(args.toArray(String[]::new)), "host-start");
        hostThread.start();
        Path portFile = hostDir.resolve(HostCommand.PORT_FILE);
        Await.until(WAIT, () -> Files.exists(portFile) || !hostThread.isAlive(), "host start writes its port file");
        assertTrue(hostThread.isAlive(), "host start listens");
        return HostCommand.startedPort(hostDir, 0);
    }

    private StoreAndForward upload(int port) throws Exception {
        StoreAndForward saf = terminal.storeAndForward("localhost", port, 10, Duration.ofMillis(800));
        safs.add(saf);
        return saf;
    }

    @Test
    void withoutAFaultPlanTheHostHasNoFaultHandlersAndNoWatcher() throws Exception {
        int port = startHost();
        assertFalse(watcherRuns(), "no thread re-reads the faults file");
        // the file would lose every acknowledgement: without fault handlers every upload is acknowledged
        upload(port);
        Await.until(WAIT, () -> terminal.journal().ackedSeq() == 5,
                () -> "acknowledged " + terminal.journal().ackedSeq() + " of 5");
        try (HostSimulator inProcess = HostSimulator.open(dir.resolve("other")).listen("127.0.0.1", 0)) {
            assertFalse(inProcess.injectsFaults());
            assertThrows(IllegalStateException.class, inProcess::faults);
        }
    }

    @Test
    void withAFaultPlanTheHostAppliesTheFaultsFileAndFollowsItAtRunTime() throws Exception {
        int port = startHost("--faults");
        assertTrue(watcherRuns(), "a thread re-reads the faults file");
        StoreAndForward saf = upload(port);
        // every acknowledgement is lost: the batch is stored, re-sent on each reconnect, never acknowledged
        Await.until(WAIT, () -> saf.connects() >= 3, () -> "connects " + saf.connects());
        assertEquals(0, terminal.journal().ackedSeq());
        run("host", "fault", "clear", "--data-dir", data.toString());
        Await.until(WAIT, () -> terminal.journal().ackedSeq() == 5,
                () -> "acknowledged " + terminal.journal().ackedSeq() + " of 5 after the faults were cleared");
    }
}
