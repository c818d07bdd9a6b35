package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.live.Crashpoints;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The terminal process is killed with {@code kill -9} at each named point of a pharmacy sale through
 * the real PC/SC stack (private pcscd, vpcd, the virtual card and PSAM in this JVM), then restarted
 * as {@code terminal sync}, which recovers on start and then uploads to the host simulator (listening
 * all along, in this JVM): the card and the journal agree, with no lost and no double debit, and
 * the host holds each committed settlement exactly once, its account total equal to the card's debits.
 */
@ExtendWith(PcscdExtension.class)
class CounterCrashIT {

    private static final Money BILL = Money.parseYuan("59.90");
    /** Points after which the card has been debited: the sale must survive the crash. */
    private static final Set<String> DEBITED = Set.of("card-debited", "debited", "committed", "answered");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"card-read", "split-computed", "pin-verified", "journal-started", "pre-settled",
        "before-debit-sent", "debit-sent", "card-debited", "debited", "committed", "answered"})
    void killedAtAnyPointTheCardAndTheJournalAgree(String point) throws Exception {
        PrivatePcscd pcscd = PcscdExtension.pcscd();
        try (PcscCounter rig = new PcscCounter(pcscd, "employee", dir.resolve("sim"));
             HostedCounter host = new HostedCounter(dir.resolve("host"), dir.resolve("terminal/host-link"))) {
            HostConfig.write(host.keyDir, new HostAddress("localhost", host.port));
            host.up();
            Money before = rig.card().snapshot().balance();
            Process sale = terminal(pcscd, List.of("-D" + Crashpoints.PROPERTY + "=" + point), "sale", "--pin", "123456",
                    "--item", "6901234500048*2", "--item", "6901234500062", "--msgid", "CRASH-" + point);
            String marker = CompletableFuture.supplyAsync(() -> awaitMarker(sale)).get(120, TimeUnit.SECONDS);
            assertEquals("CRASHPOINT " + point, marker, "the sale did not reach " + point);
            sale.destroyForcibly(); // SIGKILL
            assertTrue(sale.waitFor(30, TimeUnit.SECONDS));

            // the restarted terminal recovers on start, then uploads to the host
            Process sync = terminal(pcscd, List.of(), "sync");
            String synced = new String(sync.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(sync.waitFor(120, TimeUnit.SECONDS));
            assertEquals(0, sync.exitValue(), "sync: " + synced);
            assertTrue(synced.contains("已上传"), synced);

            try (Journal journal = Journal.open(dir.resolve("terminal/journal.db"), Clock.systemUTC())) {
                List<JournalTxn> txns = journal.queries().recent(10);
                assertTrue(txns.stream().allMatch(t -> t.state().isFinal()), point + ": left in doubt " + txns);
                long committed = txns.stream().filter(t -> t.state() == TxnState.COMMITTED).count();
                assertEquals(DEBITED.contains(point) ? 1 : 0, committed, point + ": " + txns);
                Money debited = before.minus(rig.card().snapshot().balance());
                assertEquals(committed == 1 ? BILL : Money.ZERO, debited, point + ": card and journal disagree");
                assertEquals(committed, rig.card().snapshot().log().size(), point + ": card log");
                assertEquals(committed, journal.records().head().nextSeq() - 1, point + ": signed records");
            }
            long committed = DEBITED.contains(point) ? 1 : 0;
            Money debited = before.minus(rig.card().snapshot().balance());
            assertArrayEquals(new long[] {committed, committed, debited.fen()}, host.held(),
                    point + ": the host holds each committed settlement once, its account total is the card's debits");
        }
    }

    private Process terminal(PrivatePcscd pcscd, List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dsun.security.smartcardio.library=" + System.getProperty("sun.security.smartcardio.library")));
        cmd.addAll(jvmOptions);
        cmd.add("cn.yibao.terminal.cli.TerminalMain");
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--data-dir", dir.resolve("terminal").toString(), "--wait", "30",
                "--card-reader", pcscd.readerName(PrivatePcscd.CARD_SLOT),
                "--sam-reader", pcscd.readerName(PrivatePcscd.SAM_SLOT)));
        return new ProcessBuilder(cmd).start();
    }

    private static String awaitMarker(Process p) {
        try (BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            StringBuilder seen = new StringBuilder();
            for (String line; (line = err.readLine()) != null; ) {
                if (line.startsWith("CRASHPOINT ")) {
                    return line;
                }
                seen.append(line).append('\n');
            }
            return "exited without reaching a crash point: " + seen;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
