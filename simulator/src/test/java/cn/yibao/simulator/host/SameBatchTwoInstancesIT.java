package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two host instances on one PostgreSQL database, each with its own connection pool and its own TLS
 * listener, receive the same batch of signed records at the same moment (a terminal that resent
 * after a lost answer, through the other instance): one copy is stored, both acknowledge the
 * whole batch, the accounts are debited once. Round after round, so that the two transactions
 * really meet.
 */
class SameBatchTwoInstancesIT {

    static final int ROUNDS = 8;
    static final int BATCH = 150;

    @TempDir
    Path dir;

    @Test
    void theSameBatchAtTwoInstancesAtOnceIsStoredOnceAndAcknowledgedByBoth() throws Exception {
        StoreLocation db = TestPostgres.newStore("same_batch");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (HostSimulator a = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0);
             HostSimulator b = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(a, dir, "T-TWICE");
            long acctTotal = 0;
            List<String> answers = new ArrayList<>();
            try (HostSession sa = t.session(a.port()); HostSession sb = t.session(b.port())) {
                for (int round = 0; round < ROUNDS; round++) {
                    List<UploadedRecord> batch = new ArrayList<>();
                    for (int i = 0; i < BATCH; i++) {
                        batch.add(t.sign(1_000 + i * 7L));
                    }
                    for (UploadedRecord r : batch) {
                        acctTotal += RecordResult.parse(r.record().result()).setlinfo("acct_pay").fen();
                    }
                    CountDownLatch go = new CountDownLatch(1);
                    CompletableFuture<Response> ra = CompletableFuture.supplyAsync(() -> upload(go, sa, batch), pool);
                    CompletableFuture<Response> rb = CompletableFuture.supplyAsync(() -> upload(go, sb, batch), pool);
                    go.countDown();
                    Response x = ra.get(60, TimeUnit.SECONDS);
                    Response y = rb.get(60, TimeUnit.SECONDS);
                    long end = batch.get(BATCH - 1).record().seq();
                    int round0 = round;
                    assertAll(() -> assertTrue(x.ok(), () -> "round " + round0 + " at A: " + x.code() + " " + x.errMsg()),
                            () -> assertTrue(y.ok(), () -> "round " + round0 + " at B: " + y.code() + " " + y.errMsg()),
                            () -> assertEquals(end, x.output().path("ack_seq").asLong()),
                            () -> assertEquals(end, y.output().path("ack_seq").asLong()),
                            // every record counted once as taken, once as a duplicate, between the two
                            () -> assertEquals(BATCH, x.output().path("accepted").asInt() + y.output().path("accepted").asInt()),
                            () -> assertEquals(BATCH, x.output().path("duplicates").asInt()
                                    + y.output().path("duplicates").asInt()));
                    answers.add(x.output().path("accepted").asInt() + "/" + y.output().path("accepted").asInt());
                }
            }
            long held = a.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record WHERE terminal=?", 0,
                    "T-TWICE"));
            long debited = a.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT sum(? - balance) FROM account", 0, Ledger.OPENING_BALANCE_FEN));
            long total = acctTotal;
            assertAll(() -> assertEquals((long) ROUNDS * BATCH, held, answers::toString),
                    () -> assertEquals(total, debited, "each account debited once"),
                    () -> assertEquals("", a.store().flagOf("T-TWICE")));
        } finally {
            pool.shutdownNow();
        }
    }

    private static Response upload(CountDownLatch go, HostSession s, List<UploadedRecord> batch) {
        try {
            go.await();
            return VirtualTerminal.upload(s, batch);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
