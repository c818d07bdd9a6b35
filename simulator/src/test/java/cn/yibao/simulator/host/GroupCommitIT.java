package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live uploads (one record each) of several terminals arriving together are committed in one
 * transaction, on PostgreSQL, and each is acknowledged only after that commit.
 */
class GroupCommitIT {

    private static final int TERMINALS = 10;

    @TempDir
    Path dir;

    private static CompletableFuture<Response> upload(CountDownLatch go, HostSession s, UploadedRecord r) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
                return VirtualTerminal.upload(s, List.of(r));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void liveUploadsOfSeveralTerminalsShareACommitAndAreAnsweredAfterIt() throws Exception {
        StoreLocation db = TestPostgres.newStore("group_commit");
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            List<HostSession> sessions = new ArrayList<>();
            List<UploadedRecord> records = new ArrayList<>();
            long acct = 0;
            try {
                for (int i = 0; i < TERMINALS; i++) {
                    VirtualTerminal t = new VirtualTerminal(host, dir, "T-GROUP-" + i);
                    sessions.add(t.session(host.port()));
                    UploadedRecord first = t.sign(500);
                    assertTrue(VirtualTerminal.upload(sessions.get(i), List.of(first)).ok());
                    records.add(t.sign(1000 + i));
                    acct += RecordResult.parse(first.record().result()).setlinfo("acct_pay").fen()
                            + RecordResult.parse(records.get(i).record().result()).setlinfo("acct_pay").fen();
                }
                long[] before = host.service().groupCounts();
                List<CompletableFuture<Response>> answers = new ArrayList<>();
                try (Connection other = DriverManager.getConnection(db.jdbcUrl()); Statement st = other.createStatement()) {
                    other.setAutoCommit(false);
                    // another transaction holds one terminal's row: the group holding its upload waits, and
                    // the uploads arriving meanwhile wait for the next group
                    st.executeQuery("SELECT 1 FROM terminal WHERE id='T-GROUP-0' FOR UPDATE").close();
                    CountDownLatch first = new CountDownLatch(1);
                    answers.add(upload(first, sessions.get(0), records.get(0)));
                    first.countDown();
                    Await.until(Duration.ofSeconds(60), () -> host.store().inTransaction(c -> Sql.longValue(c,
                            "SELECT count(*) FROM pg_locks WHERE NOT granted", 0)) > 0, "the first group waits for the row");
                    CountDownLatch go = new CountDownLatch(1);
                    for (int i = 1; i < TERMINALS; i++) {
                        answers.add(upload(go, sessions.get(i), records.get(i)));
                    }
                    go.countDown();
                    Await.until(Duration.ofSeconds(60),
                            () -> host.service().groupCounts()[1] == TERMINALS,
                            () -> "all ten uploads verified and waiting for a commit: " + Arrays.toString(
                                    host.service().groupCounts()));
                    assertTrue(answers.stream().noneMatch(CompletableFuture::isDone), "none acknowledged before its commit");
                    other.rollback();
                }
                for (CompletableFuture<Response> a : answers) {
                    Response r = a.get(60, TimeUnit.SECONDS);
                    assertTrue(r.ok(), () -> r.code() + " " + r.errMsg());
                    assertEquals(2, r.output().path("ack_seq").asLong());
                }
                long[] after = host.service().groupCounts();
                long held = host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0));
                long debited = host.store().inTransaction(c -> Sql.longValue(c,
                        "SELECT count(*) * ? - sum(balance) FROM account", 0, Ledger.OPENING_BALANCE_FEN));
                long total = acct;
                assertAll(() -> assertEquals(2L * TERMINALS, held),
                        () -> assertEquals(TERMINALS, after[0] - before[0], "every upload grouped"),
                        // the one that waited for the row, then one for all the others
                        () -> assertEquals(2, after[2] - before[2], "groups"),
                        () -> assertEquals(total, debited, "each account debited once"));
            } finally {
                sessions.forEach(HostSession::close);
            }
        }
    }
}
