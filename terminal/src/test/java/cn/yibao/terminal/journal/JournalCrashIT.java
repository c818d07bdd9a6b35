package cn.yibao.terminal.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing the journal ({@code kill -9}) at random moments, then checks that
 * everything it reported committed is committed, the chain is whole, and the file is intact.
 */
class JournalCrashIT {

    @TempDir
    Path dir;

    @Test
    void everyReportedCommitSurvivesKillNine() throws Exception {
        Path file = dir.resolve("journal.db");
        Random random = new Random(20261123);
        List<String> reported = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            reported.addAll(runAndKill(file, "R" + round, 5 + random.nextInt(60)));
            try (Journal j = Journal.open(file, Clock.systemUTC())) {
                for (String msgid : reported) {
                    assertEquals(TxnState.COMMITTED, j.queries().findByMsgid(msgid).orElseThrow().state(), msgid);
                }
                assertTrue(j.queries().unfinished().size() <= round + 1, "at most one unfinished sale per crash");
                assertChainIsWhole(j);
            }
            assertIntegrity(file);
        }
    }

    private List<String> runAndKill(Path file, String prefix, int killAfter) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), JournalWriterMain.class.getName(),
                file.toString(), prefix)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        List<String> committed = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (committed.size() < killAfter && (line = out.readLine()) != null) {
                committed.add(line.substring("committed ".length()));
            }
            p.destroyForcibly(); // SIGKILL: no shutdown hooks, no close()
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "writer did not die");
        }
        assertEquals(killAfter, committed.size(), "writer exited early with " + p.exitValue());
        return committed;
    }

    private static void assertChainIsWhole(Journal j) throws Exception {
        List<StoredRecord> records = j.records().after(0, 10_000);
        byte[] prev = new byte[0];
        for (int i = 0; i < records.size(); i++) {
            StoredRecord r = records.get(i);
            assertEquals(i + 1, r.seq());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev);
            assertArrayEquals(sha.digest(r.body()), r.hash(), "chain broken at " + r.seq());
            prev = r.hash();
        }
    }

    private static void assertIntegrity(Path file) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var s = c.createStatement();
             var rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertEquals("ok", rs.getString(1));
        }
    }
}
