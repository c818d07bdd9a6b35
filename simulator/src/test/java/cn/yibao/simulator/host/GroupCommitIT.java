package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Request;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    /**
     * An instance plans a live upload on the head its last group left, without reading or locking
     * the row; the write moves the head only if the row still holds that head, no flag and the
     * certificate. Here the row changes behind the instance's back, three ways, and each time the
     * instance's next live upload of the terminal gets the answer the database's row gives.
     */
    @Test
    void aHeadChangedBehindTheInstanceIsReadAgainNotTrusted() throws Exception {
        StoreLocation db = TestPostgres.newStore("group_heads");
        try (HostSimulator a = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0);
             HostSimulator b = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(a, dir, "T-HEADS");
            try (HostSession sa = t.session(a.port()); HostSession sb = t.session(b.port())) {
                assertEquals(1, ack(VirtualTerminal.upload(sa, List.of(t.sign(100)))), "A knows head 1");
                // another instance moves the head; A, which still knows head 1, gets the same record again
                UploadedRecord second = t.sign(200);
                assertEquals(2, ack(VirtualTerminal.upload(sb, List.of(second))));
                Response again = VirtualTerminal.upload(sa, List.of(second));
                assertEquals(2, ack(again), "A read the head again");
                assertEquals(1, again.output().path("duplicates").asInt(), "a duplicate, not a second copy");
                assertEquals(3, ack(VirtualTerminal.upload(sa, List.of(t.sign(300)))));
                // a flag set elsewhere (an operator, another instance's refusal) stops A's next upload
                a.store().inTransaction(c -> Terminals.flag(c, "T-HEADS", "CHAIN_BROKEN"));
                Response flagged = VirtualTerminal.upload(sa, List.of(t.sign(400)));
                assertEquals("TERMINAL_FLAGGED", flagged.code(), flagged::errMsg);
                long held = a.store().inTransaction(c -> Sql.longValue(c,
                        "SELECT count(*) FROM record WHERE terminal='T-HEADS'", 0));
                assertEquals(3, held, "nothing stored for a flagged terminal");
            }
        }
    }

    /**
     * A group closes as soon as it holds an upload of every terminal connected to the instance (each
     * waits for its answer: no other could join), and waits out its window while a connected
     * terminal has not uploaded. The window is long here, so that which of the two happened shows.
     */
    @Test
    void aGroupOfEveryConnectedTerminalClosesWithoutWaitingOutItsWindow() throws Exception {
        StoreLocation db = TestPostgres.newStore("group_close");
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal one = new VirtualTerminal(host, dir, "T-CLOSE-1");
            VirtualTerminal two = new VirtualTerminal(host, dir, "T-CLOSE-2");
            VirtualTerminal idle = new VirtualTerminal(host, dir, "T-CLOSE-IDLE");
            try (HostSession s1 = one.session(host.port()); HostSession s2 = two.session(host.port())) {
                host.service().groupWindow(Duration.ofMinutes(5));
                // both connected terminals are in the group: it is committed long before its window ends
                assertArrayEquals(new long[] {1, 1}, uploadTogether(s1, one.sign(100), s2, two.sign(200)));
                try (HostSession idleSession = idle.session(host.port())) {
                    host.service().groupWindow(Duration.ofSeconds(2));
                    long start = System.nanoTime();
                    assertArrayEquals(new long[] {2, 2}, uploadTogether(s1, one.sign(300), s2, two.sign(400)));
                    // a third terminal is connected and could still upload: the group waited its window
                    assertTrue(System.nanoTime() - start >= Duration.ofSeconds(2).toNanos(), "the window was waited out");
                    assertTrue(idleSession.isActive());
                }
            }
        }
    }

    /**
     * A terminal pipelining its uploads (two in flight, agreed at sign-in) has consecutive uploads
     * committed in one group, each answered with its own head: the group holds both and closes
     * once it holds as many as the connection may have in flight, long before its window ends.
     */
    @Test
    void consecutiveUploadsOfOneTerminalShareAGroup() throws Exception {
        StoreLocation db = TestPostgres.newStore("group_pipelined");
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-PIPE");
            try (HostSession s = t.session(host.port(), 2)) {
                assertEquals(2, s.uploadsInFlight());
                host.service().groupWindow(Duration.ofMinutes(5));
                long[] before = host.service().groupCounts();
                Request r1 = VirtualTerminal.uploadRequest(s, List.of(t.sign(100)));
                Request r2 = VirtualTerminal.uploadRequest(s, List.of(t.sign(200)));
                CompletableFuture<Response> a1 = s.send(r1);
                CompletableFuture<Response> a2 = s.send(r2);
                assertEquals(1, ack(s.await(r1, a1)));
                assertEquals(2, ack(s.await(r2, a2)));
                long[] after = host.service().groupCounts();
                assertEquals(1, after[2] - before[2], "one group for both");
                long held = host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0));
                assertEquals(2, held);
            }
        }
    }

    /**
     * An upload pipelined behind one that the store could not take would reach the chain as a gap,
     * which flags a terminal. It is answered {@code PRECEDING_UPLOAD_FAILED} instead: nothing of it
     * stored, no flag, and the terminal signed in again sends both again.
     */
    @Test
    void anUploadPipelinedBehindOneNotStoredIsNotAppliedAndFlagsNothing() throws Exception {
        StoreLocation db = TestPostgres.newStore("group_preceding");
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-PRECEDE");
            UploadedRecord first = t.sign(100);
            UploadedRecord second = t.sign(200);
            try (HostSession s = t.session(host.port(), 2);
                 Connection other = DriverManager.getConnection(db.jdbcUrl()); Statement st = other.createStatement()) {
                host.service().groupWindow(Duration.ZERO);
                other.setAutoCommit(false);
                // the first upload's group waits for the terminal's row, which another transaction holds
                st.executeQuery("SELECT 1 FROM terminal WHERE id='T-PRECEDE' FOR UPDATE").close();
                Request r1 = VirtualTerminal.uploadRequest(s, List.of(first));
                CompletableFuture<Response> a1 = s.send(r1);
                Await.until(Duration.ofSeconds(60), () -> !waiting(host).isEmpty(), "the first group waits for the row");
                Request r2 = VirtualTerminal.uploadRequest(s, List.of(second));
                CompletableFuture<Response> a2 = s.send(r2);
                Await.until(Duration.ofSeconds(60), () -> host.service().groupCounts()[1] == 2,
                        "the second upload waits for the next group");
                // the group's connection is lost while it waits, and so is the fresh one it tries again on
                Set<Long> lost = new HashSet<>();
                Await.until(Duration.ofSeconds(60), () -> {
                    for (long pid : waiting(host)) {
                        if (lost.add(pid)) {
                            host.store().inTransaction(c -> Sql.longValue(c,
                                    "SELECT CASE WHEN pg_terminate_backend(?) THEN 1 ELSE 0 END", 0, (int) pid));
                        }
                    }
                    return a1.isDone();
                }, "the first group given up");
                other.rollback();
                assertEquals("STORE_UNAVAILABLE", s.await(r1, a1).code());
                Response two = s.await(r2, a2);
                assertEquals("PRECEDING_UPLOAD_FAILED", two.code(), two::errMsg);
            }
            long flagged = host.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT count(*) FROM terminal WHERE id='T-PRECEDE' AND flag IS NOT NULL", 0));
            long held = host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0));
            assertEquals(0, flagged, "no flag");
            assertEquals(0, held, "nothing stored");
            try (HostSession s = t.session(host.port(), 2)) {
                assertEquals(2, ack(VirtualTerminal.upload(s, List.of(first, second))), "both taken, sent again");
            }
        }
    }

    /** @return the backends waiting for a lock */
    private static List<Long> waiting(HostSimulator host) {
        return host.store().inTransaction(c -> {
            List<Long> pids = new ArrayList<>();
            try (var rs = Sql.query(c, "SELECT pid FROM pg_locks WHERE NOT granted")) {
                while (rs.next()) {
                    pids.add(rs.getLong(1));
                }
            }
            return pids;
        });
    }

    /** Uploads one record on each session at once. @return the sequences acknowledged, in that order */
    private static long[] uploadTogether(HostSession s1, UploadedRecord r1, HostSession s2, UploadedRecord r2)
            throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        CompletableFuture<Response> a = upload(go, s1, r1);
        CompletableFuture<Response> b = upload(go, s2, r2);
        go.countDown();
        return new long[] {ack(a.get(60, TimeUnit.SECONDS)), ack(b.get(60, TimeUnit.SECONDS))};
    }

    private static long ack(Response r) {
        assertTrue(r.ok(), () -> r.code() + " " + r.errMsg());
        return r.output().path("ack_seq").asLong();
    }
}
