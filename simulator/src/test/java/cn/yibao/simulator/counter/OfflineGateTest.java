package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.policy.CounterPolicy;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline limit of the pharmacy flow with the virtual card in process: each bound (insured
 * amount, count, age of the oldest unacknowledged settlement) refuses the next sale before
 * anything is debited or journaled, and the host's acknowledgement releases it.
 */
class OfflineGateTest {

    /** 2 × 连花清瘟 + 1 × 维生素C: 59.90, all paid by an employee's account. */
    static final Money BILL = Money.parseYuan("59.90");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    /** The bundled pack with {@code limit} and no daily purchase limit (these tests sell one card many times a day). */
    static PolicyPack withOffline(CounterPolicy.OfflineLimit limit) {
        PolicyPack p = PolicyPacks.changchun2010();
        return p.withCounter(p.counter().withDailyInsuredPurchases(0).withOffline(limit));
    }

    private CounterFixture counter(Money amount, int count, Duration age) {
        return new CounterFixture(dir, "employee", withOffline(new CounterPolicy.OfflineLimit(amount, count, age)), clock,
                CounterFixture.TERMINAL_KEY.getPrivate());
    }

    static PharmacySale sale(CounterFixture f) {
        String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
        return CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "2", LiveCounterTest.VITAMIN_C, "1");
    }

    /** Asserts that the next sale is refused with nothing debited and nothing journaled, then acknowledges all. */
    private static void refusedUntilAcknowledged(CounterFixture f, String msgid) {
        Money balance = f.card.snapshot().balance();
        int log = f.card.snapshot().log().size();
        int txns = f.journal.queries().recent(100).size();
        CounterRefusedException e = assertThrows(CounterRefusedException.class,
                () -> f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), msgid));
        assertEquals(CounterRefusal.OFFLINE_LIMIT_EXCEEDED, e.refusal());
        assertEquals(balance, f.card.snapshot().balance(), "nothing debited");
        assertEquals(log, f.card.snapshot().log().size(), "nothing on the card's log");
        assertEquals(txns, f.journal.queries().recent(100).size(), "nothing journaled");

        f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);
        f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), msgid);
        assertEquals(balance.minus(BILL), f.card.snapshot().balance(), "the acknowledgement released the limit");
    }

    @Test
    void theInsuredAmountBoundRefusesTheSaleThatWouldExceedIt() {
        try (CounterFixture f = counter(Money.parseYuan("119.79"), 100, Duration.ofHours(72))) {
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "AMT-1");
            refusedUntilAcknowledged(f, "AMT-2");
        }
    }

    @Test
    void theInsuredAmountBoundAdmitsASaleThatReachesItExactly() {
        try (CounterFixture f = counter(Money.parseYuan("119.80"), 100, Duration.ofHours(72))) {
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "EXACT-1");
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "EXACT-2");
            assertEquals(2, f.counter.syncStatus().queued());
        }
    }

    @Test
    void theCountBoundRefusesOneSaleMoreThanItAllows() {
        try (CounterFixture f = counter(Money.ofYuan(10_000), 2, Duration.ofHours(72))) {
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "CNT-1");
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "CNT-2");
            refusedUntilAcknowledged(f, "CNT-3");
        }
    }

    @Test
    void theAgeBoundRefusesOnceTheOldestUnacknowledgedSaleIsTooOld() {
        try (CounterFixture f = counter(Money.ofYuan(10_000), 100, Duration.ofHours(6))) {
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "AGE-1");
            clock.advance(Duration.ofHours(6));
            f.counter.settlePharmacy(sale(f), Pin.ofNullable("123456"), "AGE-2");
            clock.advance(Duration.ofMinutes(1));
            refusedUntilAcknowledged(f, "AGE-3");
        }
    }
}
