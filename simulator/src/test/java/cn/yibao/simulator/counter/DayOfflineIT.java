package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.SyncStatus;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.policy.CounterPolicy;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6, Done-when 4: a day offline. The live counter (virtual card and PSAM in process) and the
 * host simulator over mutual TLS; an injectable clock runs through the day. With the host down,
 * sales continue within the offline limit and are refused beyond it; when the host returns the
 * queue drains, later sales are acknowledged as they happen, reconciliation (3201) balances and
 * the host holds every journal record exactly once.
 */
class DayOfflineIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Money BILL = OfflineGateTest.BILL;
    /** Four sales of 59.90 fit, the fifth does not. */
    private static final CounterPolicy.OfflineLimit LIMIT =
            new CounterPolicy.OfflineLimit(Money.parseYuan("250.00"), 20, Duration.ofHours(12));

    @TempDir
    Path dir;

    @Test
    void salesContinueWithinTheOfflineLimitAndTheQueueDrainsWhenTheHostReturns() throws Exception {
        MutableClock clock = new MutableClock(LocalDateTime.parse("2026-11-23T08:00:00").atZone(SHANGHAI).toInstant(),
                SHANGHAI);
        try (HostedCounter host = new HostedCounter(dir.resolve("host"), dir.resolve("terminal/host-link"));
             CounterFixture f = new CounterFixture(dir.resolve("terminal"), "employee",
                     OfflineGateTest.withOffline(LIMIT), clock, host.credentials().signingKey());
             HostLink link = host.link(f, this::signedIn)) {
            linkRef.set(link);
            Money opening = f.card.snapshot().balance();
            for (int hour = 0; hour < 4; hour++) {
                f.counter.settlePharmacy(OfflineGateTest.sale(f), Pin.ofNullable("123456"), "DAY-" + hour);
                clock.advance(Duration.ofHours(1));
            }
            SyncStatus offline = f.counter.syncStatus();
            assertFalse(offline.hostReachable());
            assertEquals(4, offline.queued());
            assertNull(offline.lastAckTime());
            ReconciliationStatus notYet = f.counter.reconciliation();
            assertNull(notYet.stmtRslt(), "no reconciliation without the host");
            assertEquals(4, notYet.fixmedinsSetlCnt());

            // 12:00: a fifth sale would put 299.50 in the queue, beyond 250.00
            Money before = f.card.snapshot().balance();
            CounterRefusedException refused = assertThrows(CounterRefusedException.class,
                    () -> f.counter.settlePharmacy(OfflineGateTest.sale(f), Pin.ofNullable("123456"), "DAY-REFUSED"));
            assertEquals(CounterRefusal.OFFLINE_LIMIT_EXCEEDED, refused.refusal());
            assertEquals(before, f.card.snapshot().balance());
            assertTrue(f.journal.queries().findByMsgid("DAY-REFUSED").isEmpty());

            clock.advance(Duration.ofHours(3));
            long t0 = System.nanoTime();
            host.up();
            Await.until(Duration.ofSeconds(60), () -> f.journal.uploads().ackedSeq() == 4,
                    () -> "state " + link.state());
            System.out.printf("DayOfflineIT: host back, 4 queued records acknowledged in %d ms%n",
                    (System.nanoTime() - t0) / 1_000_000);
            Await.until(Duration.ofSeconds(10), () -> f.counter.syncStatus().hostReachable(), "the host reachable again");
            assertTrue(cardListsAfterSignIn.get() >= 1, "the sign-in hook called the host (9120) on the new session");
            SyncStatus online = f.counter.syncStatus();
            assertEquals(0, online.queued());
            assertNotNull(online.lastAckTime());

            for (int i = 0; i < 3; i++) {
                clock.advance(Duration.ofHours(1));
                f.counter.settlePharmacy(OfflineGateTest.sale(f), Pin.ofNullable("123456"), "DAY-ONLINE-" + i);
            }
            Await.until(Duration.ofSeconds(30), () -> f.journal.uploads().ackedSeq() == 7,
                    () -> "acknowledged 7, got " + f.journal.uploads().ackedSeq());

            ReconciliationStatus balanced = f.counter.reconciliation();
            assertEquals("0", balanced.stmtRslt(), balanced.stmtRsltDscr());
            assertEquals(7, balanced.fixmedinsSetlCnt());
            Money debited = opening.minus(f.card.snapshot().balance());
            assertEquals(Money.ofFen(7 * BILL.fen()), debited);
            assertEquals(debited, balanced.acctPay());
            assertArrayEquals(new long[] {7, 7, debited.fen()}, host.held(),
                    "the host holds each settlement once and its account total is the card's debits");
        }
    }

    private final AtomicInteger cardListsAfterSignIn = new AtomicInteger();
    private final AtomicReference<HostLink> linkRef = new AtomicReference<>();

    /** The sign-in hook (where the card-list download goes): a call to the host on the new session. */
    private void signedIn() {
        HostLink link = linkRef.get();
        try {
            if (link != null && link.call(Infno.CARD_LIST, Json.object().put("since_version", 0)).ok()) {
                cardListsAfterSignIn.incrementAndGet();
            }
        } catch (HostUnavailableException e) {
            throw new IllegalStateException("the session the hook runs on is signed in", e);
        }
    }
}
