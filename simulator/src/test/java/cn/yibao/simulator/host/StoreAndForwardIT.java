package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.StoreAndForward;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Store-and-forward against the host simulator under injected faults. */
class StoreAndForwardIT {

    @TempDir
    Path dir;
    HostSimulator host;

    @BeforeEach
    void start() throws Exception {
        host = HostSimulator.open(dir.resolve("host"), LoopbackHost.store(getClass(), dir)).withFaults()
                .listen("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private StoreAndForward saf(VirtualTerminal t, int batch) throws Exception {
        return t.storeAndForward("localhost", host.port(), batch, Duration.ofMillis(800));
    }

    private long held(String terminal) {
        return host.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM record WHERE terminal=?", 0,
                terminal));
    }

    @Test
    void cursorMovesOnlyOnAcknowledgement() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "SF-ACK");
        for (int i = 0; i < 20; i++) {
            t.settle(1000 + i);
        }
        host.faults().setGlobal(new FaultPlan(0, 0, 0, 1.0, 0, 0, false));
        try (StoreAndForward saf = saf(t, 10)) {
            // every acknowledgement is lost: both batches (sent without waiting for the first one's answer)
            // are stored once, re-sent on each reconnect, never acked
            Await.until(Duration.ofSeconds(20), () -> saf.connects() >= 3,
                    () -> "three connects under faults, got " + saf.connects() + ", state " + saf.state());
            assertEquals(0, t.journal.ackedSeq());
            assertEquals(20, held(t.id));
            host.faults().setGlobal(FaultPlan.NONE);
            Await.until(Duration.ofSeconds(20), () -> t.journal.ackedSeq() == 20,
                    () -> "state " + saf.state());
        }
    }

    @Test
    void aSignInTheHostNoLongerKnowsIsRenewedNotTakenForARefusedRecord() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "SF-RE");
        t.settle(1000);
        try (StoreAndForward saf = saf(t, 10)) {
            Await.until(Duration.ofSeconds(20), () -> t.journal.ackedSeq() == 1,
                    () -> "acknowledged 1, got " + t.journal.ackedSeq() + ", state " + saf.state());
            // another sign-in of the same terminal (e.g. a timed-out one processed late) replaces the link's
            try (HostSession other = t.session(host.port())) {
                t.settle(1001);
                saf.wake();
                Await.until(Duration.ofSeconds(20), () -> t.journal.ackedSeq() == 2,
                        () -> "state " + saf.state() + " " + saf.refusal());
                assertTrue(other.isActive());
            }
            assertEquals("", saf.refusal());
            assertTrue(saf.connects() >= 2, "signed in again");
        }
    }

    @Test
    void journalDrainsExactlyOnceThroughDropsDuplicatesDelaysAndLostAcks() throws Exception {
        VirtualTerminal a = new VirtualTerminal(host, dir, "SF-A");
        VirtualTerminal b = new VirtualTerminal(host, dir, "SF-B");
        for (int i = 0; i < 600; i++) {
            a.settle(500 + i);
            b.settle(700 + i);
        }
        host.faults().setGlobal(new FaultPlan(3, 9, 0.2, 0.15, 0, 0, false));
        try (StoreAndForward sa = saf(a, 25); StoreAndForward sb = saf(b, 40)) {
            for (int i = 0; i < 200; i++) {
                a.settle(900 + i);
                sa.wake();
            }
            Await.until(Duration.ofSeconds(90),
                    () -> a.journal.ackedSeq() == 800 && b.journal.ackedSeq() == 600,
                    () -> "acked " + a.journal.ackedSeq() + " / " + b.journal.ackedSeq());
            assertTrue(sa.connects() > 1 && sb.connects() > 1, "faults forced reconnects");
        }
        assertEquals(800, held(a.id));
        assertEquals(600, held(b.id));
    }
}
