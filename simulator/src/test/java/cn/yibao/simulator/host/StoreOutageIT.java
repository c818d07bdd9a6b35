package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.LinkRefusal;
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
                cluster.restart();
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
            try {
                for (int i = 0; i < 10; i++) {
                    t.settle(3_000 + i);
                }
                saf.wake();
                assertTrue(Await.until(Duration.ofSeconds(30), () -> t.journal().ackedSeq() == 10));
                cluster.stop();
                for (int i = 0; i < 10; i++) {
                    t.settle(4_000 + i);
                }
                saf.wake();
                // the host answers STORE_UNAVAILABLE: the terminal reconnects and resends, it is not stopped
                assertTrue(Await.until(Duration.ofSeconds(30), () -> saf.state() == StoreAndForward.State.BACKING_OFF),
                        () -> "state " + saf.state() + " " + saf.refusal());
                assertEquals(10, t.journal().ackedSeq());
                assertTrue(saf.state() != StoreAndForward.State.REFUSED, saf.refusal());
                cluster.restart();
                assertTrue(Await.until(Duration.ofSeconds(60), () -> t.journal().ackedSeq() == 20),
                        () -> "acknowledged " + t.journal().ackedSeq() + ", state " + saf.state() + " " + saf.refusal());
            } finally {
                saf.close();
            }
            assertEquals(20L, (long) host.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT count(DISTINCT msgid) FROM record WHERE terminal='T-SAF'", 0)));
        }
    }
}
