package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.StoreAndForward;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 10,000 settlements from 3 terminals reach a host that drops connections, duplicates, loses and
 * delays acknowledgements and is killed with SIGKILL and restarted twice: at the end the host holds
 * every settlement exactly once, each terminal's reconciliation balances and every journal is
 * fully acknowledged.
 */
class ExactlyOnceIT {

    static final int TOTAL = 10_000;

    @TempDir
    Path dir;

    private static Process startHost(Path dataDir, int port) throws Exception {
        return HostProcess.start(dataDir, port, "--faults");
    }

    private static int freePort() throws Exception {
        return HostProcess.freePort();
    }

    static long acked(List<VirtualTerminal> ts) {
        return ts.stream().mapToLong(t -> t.journal().ackedSeq()).sum();
    }

    @Test
    void everySettlementExactlyOnceThroughFaultsAndTwoKills() throws Exception {
        Path data = dir.resolve("data");
        // with --data-dir the command uses that directory itself; the host's state is in <dir>/host
        Path hostDir = data.resolve("host");
        List<VirtualTerminal> ts;
        try (HostSimulator setup = HostSimulator.open(hostDir)) {
            ts = LoadGenerator.enrol(setup, dir.resolve("keys"), "EO", 3);
        }
        Faults.write(hostDir, new FaultPlan(2, 25, 0.1, 0.1, 0, 0, false), Map.of());
        int port = freePort();
        Process host = startHost(data, port);
        List<StoreAndForward> safs = new ArrayList<>();
        try {
            for (VirtualTerminal t : ts) {
                safs.add(t.storeAndForward("localhost", port, 100, Duration.ofSeconds(2)));
            }
            for (int i = 0; i < TOTAL; i++) {
                ts.get(i % 3).settle(1_000 + (i % 113) * 11L);
                if (i % 50 == 0) {
                    safs.forEach(StoreAndForward::wake);
                }
                if (i == TOTAL / 3 || i == 2 * TOTAL / 3) {
                    long before = acked(ts);
                    long settled = i + 1;
                    // progress before the kill: 500 more acknowledged, or all caught up if fewer were waiting
                    Await.until(Duration.ofSeconds(120), () -> acked(ts) >= Math.min(before + 500, settled),
                            () -> "no progress: " + safs.stream().map(f -> f.state() + " " + f.refusal()).toList());
                    host.destroyForcibly().waitFor();
                    host = startHost(data, port);
                }
            }
            Await.until(Duration.ofMinutes(5), () -> ts.stream()
                    .allMatch(t -> t.journal().ackedSeq() == t.journal().headSeq()),
                    () -> "acknowledged " + acked(ts) + " of " + TOTAL);
            Faults.write(hostDir, FaultPlan.NONE, Map.of());
            List<String> recon = new ArrayList<>();
            for (VirtualTerminal t : ts) {
                recon.add(reconcile(t, port));
            }
            long held;
            try (HostStore store = HostStore.open(hostDir.resolve("host.db"))) {
                held = store.inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0));
            }
            long total = held;
            assertAll(() -> assertEquals(TOTAL, total),
                    () -> assertEquals(List.of("0", "0", "0"), recon),
                    () -> assertEquals(TOTAL, acked(ts)));
        } finally {
            safs.forEach(StoreAndForward::close);
            host.destroyForcibly().waitFor();
        }
    }

    /** 3201 with the terminal's own totals for today; returns {@code stmt_rslt}. */
    static String reconcile(VirtualTerminal t, int port) throws Exception {
        long medfee = 0;
        long fund = 0;
        long acct = 0;
        List<UploadedRecord> all = t.journal().after(0, Integer.MAX_VALUE);
        for (UploadedRecord r : all) {
            RecordResult res = RecordResult.parse(r.record().result());
            medfee += res.setlinfo("medfee_sumamt").fen();
            fund += res.setlinfo("fund_pay_sumamt").fen();
            acct += res.setlinfo("acct_pay").fen();
        }
        String today = LocalDate.now(Request.ZONE).toString();
        try (HostSession s = t.session(port)) {
            return s.call(Infno.RECON_TOTALS, Json.object().put("stmt_begndate", today).put("stmt_enddate", today)
                    .put("medfee_sumamt", Money.ofFen(medfee).toYuanString())
                    .put("fund_pay_sumamt", Money.ofFen(fund).toYuanString())
                    .put("acct_pay", Money.ofFen(acct).toYuanString()).put("fixmedins_setl_cnt", all.size()))
                    .output().path("stmt_rslt").asText();
        }
    }

}
