package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.net.HostServer;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.testing.Await;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.StoreAndForward;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database going away under a running host instance: uploads are refused with
 * {@code STORE_UNAVAILABLE} (nothing stored, nothing lost, the host stays up), a terminal's
 * store-and-forward keeps its records and does not stop as after a refused record, and when the
 * database is back everything is acknowledged exactly once. A cluster of its own, since it is stopped.
 */
class StoreOutageIT {

    private static final Logger LINK_LOG = (Logger) LoggerFactory.getLogger(StoreAndForward.class);

    @TempDir
    Path dir;
    LocalPostgres cluster;
    Path clusterDir;

    @BeforeEach
    void start() throws Exception {
        clusterDir = Files.createTempDirectory("yibao-pg-outage");
        cluster = LocalPostgres.start(clusterDir, 0, false);
    }

    @AfterEach
    void stop() throws Exception {
        try {
            cluster.stop();
        } catch (java.io.IOException alreadyDown) {
            // stopped by the test
        }
        Dirs.deleteTree(clusterDir);
    }

    private static List<UploadedRecord> sign(VirtualTerminal t, int n) {
        List<UploadedRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(t.sign(2_000 + i));
        }
        return out;
    }

    @Test
    void anUploadWhileTheDatabaseIsDownIsRefusedWithACodeAndStoredWhenItIsBack() throws Exception {
        StoreLocation db = StoreLocation.postgresql(cluster.createDatabase("outage"), null, null);
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-OUT");
            try (HostSession s = t.session(host.port())) {
                assertTrue(VirtualTerminal.upload(s, sign(t, 10)).ok());
                cluster.stop();
                List<UploadedRecord> second = sign(t, 10);
                Response refused = VirtualTerminal.upload(s, second);
                assertFalse(refused.ok());
                assertEquals(LinkRefusal.STORE_UNAVAILABLE.code(), refused.code(), refused.errMsg());
                assertTrue(s.isActive(), "the host instance stays up and keeps the session");
                assertTrue(HostMetrics.unreadiness(host.store()).isPresent(),
                        "/health/ready is false while the database is down");
                cluster.restart();
                assertTrue(HostMetrics.unreadiness(host.store()).isEmpty(), "ready again");
                Response stored = VirtualTerminal.upload(s, second);
                assertTrue(stored.ok(), () -> stored.code() + " " + stored.errMsg());
                assertEquals(10, stored.output().path("accepted").asInt());
                assertEquals(20, stored.output().path("ack_seq").asLong());
            }
            assertEquals(20L, (long) host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record", 0)));
            assertEquals("", host.store().flagOf("T-OUT"));
        }
    }

    @Test
    void storeAndForwardWaitsOutTheOutageAndLosesNothing() throws Exception {
        StoreLocation db = StoreLocation.postgresql(cluster.createDatabase("outage_saf"), null, null);
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-SAF");
            StoreAndForward saf = t.storeAndForward("localhost", host.port(), 5, Duration.ofSeconds(10));
            Queue<String> log = new ConcurrentLinkedQueue<>();
            AppenderBase<ILoggingEvent> capture = captureLinkLog(log);
            try {
                for (int i = 0; i < 10; i++) {
                    t.settle(3_000 + i);
                }
                saf.wake();
                Await.until(Duration.ofSeconds(30), () -> t.journal().ackedSeq() == 10,
                        () -> "acknowledged 10, got " + t.journal().ackedSeq() + ", state " + saf.state());
                cluster.stop();
                for (int i = 0; i < 10; i++) {
                    t.settle(4_000 + i);
                }
                saf.wake();
                // the host answers STORE_UNAVAILABLE: the terminal reconnects and resends, it is not stopped
                Await.until(Duration.ofSeconds(30), () -> saf.state() == StoreAndForward.State.BACKING_OFF,
                        () -> "state " + saf.state() + " " + saf.refusal());
                // not stopped as after a refused record: after backing off it tries again, the database blamed again
                Await.until(Duration.ofSeconds(60), () -> databaseBlamed(log) >= 2,
                        () -> "a second attempt refused for the database; state " + saf.state() + ", log " + log);
                assertEquals("", saf.refusal(), "no record refused");
                assertEquals(10, t.journal().ackedSeq());
                cluster.restart();
                Await.until(Duration.ofSeconds(60), () -> t.journal().ackedSeq() == 20,
                        () -> "acknowledged " + t.journal().ackedSeq() + ", state " + saf.state() + " " + saf.refusal());
            } finally {
                saf.close();
                LINK_LOG.detachAppender(capture);
            }
            assertArrayEquals(new long[] {20, 1, 20}, held(host, "T-SAF"), "each record held once, none lost");
        }
    }

    @Test
    void duringAnOutageTheTerminalBlamesTheDatabaseAndKeepsItsPreferredInstance() throws Exception {
        StoreLocation db = StoreLocation.postgresql(cluster.createDatabase("outage_two"), null, null);
        Queue<String> log = new ConcurrentLinkedQueue<>();
        AppenderBase<ILoggingEvent> capture = captureLinkLog(log);
        try (HostSimulator host = HostSimulator.open(dir.resolve("host"), db).listen("127.0.0.1", 0)) {
            // two instances on one database: the preferred one, and another
            HostServer preferredInstance = host.listenAlso("127.0.0.1", 0);
            HostAddress preferred = new HostAddress("localhost", preferredInstance.port());
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-TWO");
            // the production call timeout: longer than the host's wait for its database
            HostLink.Settings settings = HostLink.Settings.of(new HostAddresses(List.of(preferred,
                    new HostAddress("localhost", host.port()))), t.id());
            try (HostLink link = HostLink.start(settings, t.creds.clientContext(), t.journal())) {
                for (int i = 0; i < 5; i++) {
                    t.settle(5_000 + i);
                }
                link.wake();
                Await.until(Duration.ofSeconds(30), () -> t.journal().ackedSeq() == 5,
                        () -> "acknowledged 5, got " + t.journal().ackedSeq() + ", state " + link.state());
                cluster.stop();
                for (int i = 0; i < 5; i++) {
                    t.settle(6_000 + i);
                }
                link.wake();
                Await.until(Duration.ofSeconds(60), () -> log.stream().filter(
                        m -> m.startsWith("host link: the host's database is unavailable (" + preferred + ": ")).count() >= 2,
                        () -> "the database is named as the cause: " + log);
                assertEquals(preferred, link.address(), "the healthy preferred instance is kept");
                assertTrue(log.stream().noneMatch(m -> m.contains("moving to")), () -> "no fail-over: " + log);
                assertEquals(5, t.journal().ackedSeq());
                cluster.restart();
                Await.until(Duration.ofSeconds(60), () -> t.journal().ackedSeq() == 10,
                        () -> "acknowledged " + t.journal().ackedSeq() + ", state " + link.state());
                assertEquals(preferred, link.address());
            }
            assertArrayEquals(new long[] {10, 1, 10}, held(host, "T-TWO"), "each record held once, none lost");
        } finally {
            LINK_LOG.detachAppender(capture);
        }
    }

    /** @return an appender, attached to the store-and-forward's logger, that adds each message to {@code log} */
    private static AppenderBase<ILoggingEvent> captureLinkLog(Queue<String> log) {
        AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                log.add(e.getFormattedMessage());
            }
        };
        capture.start();
        LINK_LOG.addAppender(capture);
        return capture;
    }

    /** @return how many times the link named the host's database as the cause of a failed attempt */
    private static long databaseBlamed(Queue<String> log) {
        return log.stream().filter(m -> m.startsWith("host link: the host's database is unavailable (")).count();
    }

    /**
     * @return {records held, lowest seq, highest seq} of {@code terminal}: with the primary key
     *     (terminal, seq) and the unique msgid a record cannot be held twice, so {n, 1, n} says
     *     that each of the terminal's n records is held exactly once, none lost
     */
    private static long[] held(HostSimulator host, String terminal) {
        return host.store().inTransaction(c -> {
            try (var st = c.prepareStatement("SELECT count(*), min(seq), max(seq) FROM record WHERE terminal=?")) {
                st.setString(1, terminal);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
                }
            }
        });
    }
}
