package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.hostlink.saf.Endpoint;
import cn.yibao.hostlink.saf.StoreAndForward;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The central host as deployed: two {@code simulator host start} processes on different ports over
 * one PostgreSQL database (sharing the host's CA and identity). Three terminals, each configured
 * with both addresses (two preferring A, one B), settle 10,000 sales between them and
 * store-and-forward them; instance A is killed with SIGKILL in the middle of it — its terminals
 * fail over to B — and started again. Afterwards every settlement is in the database exactly once,
 * each terminal's reconciliation balances at either instance, and every journal is fully
 * acknowledged.
 */
class ClusterExactlyOnceIT {

    static final int TOTAL = 10_000;

    @TempDir
    Path dir;

    @Test
    void tenThousandSettlementsOnceThroughTwoInstancesAndAKill() throws Exception {
        StoreLocation db = TestPostgres.newStore("cluster");
        String store = db.jdbcUrl();
        Path dataA = dir.resolve("a");
        Path dataB = dir.resolve("b");
        List<VirtualTerminal> ts;
        try (HostSimulator setup = HostSimulator.open(dataA.resolve("host"), db)) {
            ts = LoadGenerator.enrol(setup, dir.resolve("keys"), "CL", 3);
        }
        // the second instance serves with the same CA and host identity
        Dirs.copyFiles(dataA.resolve("host").resolve("pki"), dataB.resolve("host").resolve("pki"));
        int portA = HostProcess.freePort();
        int portB = HostProcess.freePort();
        Process a = HostProcess.start(dataA, portA, "--store", store);
        Process b = HostProcess.start(dataB, portB, "--store", store);
        List<StoreAndForward> safs = new ArrayList<>();
        long ackedAtKill = 0;
        try {
            Endpoint ea = new Endpoint("localhost", portA);
            Endpoint eb = new Endpoint("localhost", portB);
            // terminals 0 and 1 prefer instance A, terminal 2 instance B; each fails over to the other
            for (int i = 0; i < ts.size(); i++) {
                safs.add(ts.get(i).storeAndForward(i < 2 ? List.of(ea, eb) : List.of(eb, ea), 100, Duration.ofSeconds(2)));
            }
            for (int i = 0; i < TOTAL; i++) {
                ts.get(i % 3).settle(1_000 + (i % 113) * 11L);
                if (i % 50 == 0) {
                    safs.forEach(StoreAndForward::wake);
                }
                if (i == TOTAL / 2) {
                    long before = ExactlyOnceIT.acked(ts);
                    long settled = i + 1;
                    Await.until(Duration.ofSeconds(120),
                            () -> ExactlyOnceIT.acked(ts) >= Math.min(before + 500, settled),
                            () -> "no progress: " + safs.stream().map(f -> f.state() + " " + f.refusal()).toList());
                    a.destroyForcibly().waitFor();
                    ackedAtKill = ExactlyOnceIT.acked(ts.subList(0, 2));
                }
                if (i == TOTAL / 2 + 600) {
                    // A's terminals moved to B and kept uploading there while A was down
                    long atKill = ackedAtKill;
                    Await.until(Duration.ofSeconds(60), () -> ExactlyOnceIT.acked(ts.subList(0, 2)) > atKill,
                            "no upload from A's terminals while A is down");
                    a = HostProcess.start(dataA, portA, "--store", store);
                }
            }
            Await.until(Duration.ofMinutes(5), () -> ts.stream()
                    .allMatch(t -> t.journal().ackedSeq() == t.journal().headSeq()),
                    () -> "acknowledged " + ExactlyOnceIT.acked(ts) + " of " + TOTAL);
            List<String> recon = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                // reconciled at the other instance than the one that took the records
                recon.add(ExactlyOnceIT.reconcile(ts.get(i), i < 2 ? portB : portA));
            }
            long held;
            long gapped;
            try (HostStore s = HostStore.open(db)) {
                held = s.inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0));
                // the primary key (terminal, seq) and the unique msgid let no record be held twice:
                // what matters is that none is missing, each terminal's records 1..n all held
                gapped = s.inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM (SELECT terminal FROM record"
                        + " GROUP BY terminal HAVING count(*) <> max(seq)) AS gapped", 0));
            }
            long total = held;
            long withGaps = gapped;
            assertAll(() -> assertEquals(TOTAL, total),
                    () -> assertEquals(0, withGaps, "terminals with a record missing"),
                    () -> assertEquals(List.of("0", "0", "0"), recon),
                    () -> assertEquals(TOTAL, ExactlyOnceIT.acked(ts)));
        } finally {
            safs.forEach(StoreAndForward::close);
            a.destroyForcibly().waitFor();
            b.destroyForcibly().waitFor();
        }
    }
}
