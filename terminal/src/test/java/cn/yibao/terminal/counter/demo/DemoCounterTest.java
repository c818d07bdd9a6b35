package cn.yibao.terminal.counter.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.Money;
import cn.yibao.card.Refusal;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.testing.MovingClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class DemoCounterTest {

    private static final Pin RIGHT = Pin.ofNullable("123456");
    private static final Pin WRONG = Pin.ofNullable("654321");

    private final MovingClock clock = new MovingClock();
    private final DemoCounter counter = new DemoCounter(clock);

    private static PharmacySale sale(String psnNo, String... codes) {
        List<FeeLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            lines.add(new FeeLine(String.valueOf(i + 1), null, null, codes[i], BigDecimal.ONE, null, null));
        }
        return new PharmacySale(new DrugInfo(psnNo, null, null, null), lines);
    }

    private static void refused(Refusal expected, Executable call) {
        CounterRefusedException e = assertThrows(CounterRefusedException.class, call);
        assertEquals(expected, e.refusal());
    }

    @Test
    void threeWrongPinsLockTheCard() {
        PharmacySale s = sale(DemoCounter.EMPLOYEE, "6901234500048");
        refused(cn.yibao.card.CardError.PIN_WRONG, () -> counter.settlePharmacy(s, WRONG, "m1"));
        refused(cn.yibao.card.CardError.PIN_WRONG, () -> counter.settlePharmacy(s, WRONG, "m2"));
        refused(cn.yibao.card.CardError.BLOCKED, () -> counter.settlePharmacy(s, WRONG, "m3"));
        refused(cn.yibao.card.CardError.BLOCKED, () -> counter.settlePharmacy(s, RIGHT, "m4"));
        assertEquals(Money.parseYuan("300.00"), counter.balance(DemoCounter.EMPLOYEE));
    }

    @Test
    void lostBlacklistedAndOtherPeoplesCardsAreRefused() {
        counter.placeCard(DemoCounter.LOST_CARD);
        refused(CounterRefusal.CARD_LOST, () -> counter.queryPerson(PersonQuery.cardOnReader()));
        counter.placeCard(DemoCounter.BLACKLISTED_CARD);
        refused(CounterRefusal.CARD_BLACKLISTED, () -> counter.preSettlePharmacy(sale(DemoCounter.BLACKLISTED_CARD,
                "6901234500048")));
        counter.placeCard(DemoCounter.RESIDENT);
        refused(CounterRefusal.CARD_MISMATCH, () -> counter.preSettlePharmacy(sale(DemoCounter.EMPLOYEE,
                "6901234500048")));
        counter.removeCard();
        refused(CounterRefusal.CARD_ABSENT, () -> counter.queryPerson(PersonQuery.cardOnReader()));
    }

    @Test
    void supervisionRulesRefuseTheSale() {
        refused(CounterRefusal.NO_ITEMS, () -> counter.preSettlePharmacy(sale(DemoCounter.EMPLOYEE)));
        refused(CounterRefusal.NON_MEDICAL_GOODS, () -> counter.preSettlePharmacy(sale(DemoCounter.EMPLOYEE,
                "6901234500048", "6901234500086")));
        refused(CounterRefusal.PRESCRIPTION_REQUIRED, () -> counter.preSettlePharmacy(sale(DemoCounter.EMPLOYEE,
                "6901234500017")));
        refused(CounterRefusal.UNKNOWN_ITEM, () -> counter.preSettlePharmacy(sale(DemoCounter.EMPLOYEE, "nope")));
    }

    @Test
    void theSameMsgidSettlesOnceAndAChangedSplitIsRefused() {
        PharmacySale s = sale(DemoCounter.EMPLOYEE, "6901234500048");
        Settlement first = counter.settlePharmacy(s, RIGHT, "m1");
        assertSame(first, counter.settlePharmacy(s, RIGHT, "m1"));
        assertEquals(Money.parseYuan("275.00"), counter.balance(DemoCounter.EMPLOYEE));
        PharmacySale agreedMore = new PharmacySale(new DrugInfo(DemoCounter.EMPLOYEE, null, null,
                Money.parseYuan("26.00")), s.drugdetail());
        refused(CounterRefusal.SPLIT_CHANGED, () -> counter.settlePharmacy(agreedMore, RIGHT, "m2"));
        PharmacySale agreedTooMuch = new PharmacySale(new DrugInfo(DemoCounter.EMPLOYEE, null, null,
                Money.parseYuan("280.00")), s.drugdetail());
        refused(CounterRefusal.INSUFFICIENT_BALANCE, () -> counter.settlePharmacy(agreedTooMuch, RIGHT, "m3"));
    }

    @Test
    void aResidentWithoutAnAccountPaysCashWithoutAPin() {
        counter.placeCard(DemoCounter.RESIDENT);
        Settlement s = counter.settlePharmacy(sale(DemoCounter.RESIDENT, "6901234500048"), null, "m1");
        assertEquals(Money.ZERO, s.setlinfo().acctPay());
        assertEquals(Money.parseYuan("25.00"), s.setlinfo().psnCashPay());
    }

    @Test
    void onlySameDaySettlementsCanBeCancelled() {
        Settlement s = counter.settlePharmacy(sale(DemoCounter.EMPLOYEE, "6901234500048"), RIGHT, "m1");
        clock.advance(Duration.ofDays(1));
        refused(CounterRefusal.NOT_SAME_DAY, () -> counter.cancel(new CancelRequest(s.setlinfo().setlId(), null,
                DemoCounter.EMPLOYEE), "m2"));
        refused(CounterRefusal.SETTLEMENT_NOT_FOUND, () -> counter.cancel(new CancelRequest("S0", null,
                DemoCounter.EMPLOYEE), "m3"));
    }

    @Test
    void anInHospitalCardIsRefusedAtThePharmacyAndCannotBeAdmittedTwice() {
        AdmissionRequest admit = new AdmissionRequest(DemoCounter.EMPLOYEE, null, null, "ZY1", null, null);
        counter.admit(admit);
        refused(CounterRefusal.CARD_IN_HOSPITAL, () -> counter.preSettlePharmacy(sale(DemoCounter.EMPLOYEE,
                "6901234500048")));
        refused(CounterRefusal.ALREADY_IN_HOSPITAL, () -> counter.admit(admit));
        assertEquals("2", counter.queryPerson(PersonQuery.cardOnReader()).cardinfo().cardStas());
    }
}
