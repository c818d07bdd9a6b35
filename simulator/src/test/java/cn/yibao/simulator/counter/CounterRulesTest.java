package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.LiveCounterTest.LIANHUA;
import static cn.yibao.simulator.counter.LiveCounterTest.OMEPRAZOLE;
import static cn.yibao.simulator.counter.LiveCounterTest.WATER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.Refusal;
import cn.yibao.simulator.card.CardSnapshot;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.policy.CounterPolicy;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each counter rule of issue 7 through the live counter with a virtual card: refused with its code
 * and Chinese message, nothing debited and nothing journaled; and allowed when its setting is off.
 */
class CounterRulesTest {

    private static final Pin PIN = Pin.ofNullable("123456");
    private static final AtomicInteger MSG = new AtomicInteger();

    @TempDir
    Path dir;

    /** The default rules with some switched off: the names of the settings to turn off. */
    static PolicyPack rules(int daily, String... off) {
        List<String> o = List.of(off);
        CounterPolicy c = new CounterPolicy(!o.contains("refuse_non_medical"), !o.contains("refuse_listed_cards"),
                !o.contains("report_listed_cards"), !o.contains("refuse_in_hospital_at_pharmacy"),
                !o.contains("refuse_empty_sale"), !o.contains("prescription_required"), daily,
                CounterPolicy.OfflineLimit.DEFAULT);
        return PolicyPacks.changchun2010().withCounter(c);
    }

    /** What a refused sale must leave as it was: the card's purse and log, the journal, today's totals. */
    record Untouched(Money balance, int offlineCounter, int onlineCounter, int cardLog, int journalTxns, long settled) {
        static Untouched of(CounterFixture f) {
            CardSnapshot s = f.card.snapshot();
            return new Untouched(s.balance(), s.offlineCounter(), s.onlineCounter(), s.log().size(),
                    f.journal.queries().recent(1000).size(), f.counter.todayTotals().setlCnt());
        }
    }

    /** Pre-settlement and settlement are both refused with {@code code} and {@code zh}; nothing changes. */
    static void refused(CounterFixture f, String code, String zh, PharmacySale sale) {
        Untouched before = Untouched.of(f);
        Refusal pre = assertThrows(CounterRefusedException.class, () -> f.counter.preSettlePharmacy(sale)).refusal();
        String msgid = "R" + MSG.incrementAndGet();
        Refusal set = assertThrows(CounterRefusedException.class, () -> f.counter.settlePharmacy(sale, PIN, msgid))
                .refusal();
        for (Refusal r : List.of(pre, set)) {
            assertEquals(code, r.code());
            assertEquals(zh, r.messageZh());
        }
        assertEquals(before, Untouched.of(f), "nothing debited, nothing journaled");
        assertTrue(f.journal.queries().findByMsgid(msgid).isEmpty(), "no transaction for the refused sale");
    }

    /** Settles {@code sale} and checks the account was debited by the account payment, once. */
    static Settlement settles(CounterFixture f, PharmacySale sale) {
        Untouched before = Untouched.of(f);
        Settlement done = f.counter.settlePharmacy(sale, PIN, "S" + MSG.incrementAndGet());
        assertNotNull(done.setlinfo().setlId());
        assertEquals(before.balance().minus(done.setlinfo().acctPay()), f.card.snapshot().balance());
        assertEquals(before.journalTxns() + 1, f.journal.queries().recent(1000).size());
        return done;
    }

    static String psnNo(CounterFixture f) {
        return f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
    }

    @Test
    void nonMedicalGoodsAreRefused() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            refused(f, "NON_MEDICAL_GOODS", "非医保商品不能使用医保结算", CounterFixture.sale(psnNo(f), LIANHUA, "1", WATER, "2"));
        }
    }

    @Test
    void nonMedicalGoodsAreLeftOutOfTheInsuredSaleWhenAllowed() {
        try (CounterFixture f = new CounterFixture(dir, "employee", rules(3, "refuse_non_medical"))) {
            Settlement done = settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1", WATER, "2"));
            assertEquals(Money.parseYuan("25.00"), done.setlinfo().medfeeSumamt(), "the water is paid outside");
            assertEquals(List.of(LIANHUA), done.detlcutinfo().stream().map(l -> l.medListCodg()).toList());
        }
    }

    @Test
    void anEmptySaleIsRefused() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            refused(f, "NO_ITEMS", "没有收费项目，不能结算", new PharmacySale(new DrugInfo(psnNo(f), "41", "1", null), List.of()));
        }
    }

    @Test
    void aSaleOfOnlyNonMedicalGoodsIsRefusedAsEmptyWhenTheyAreLeftOut() {
        try (CounterFixture f = new CounterFixture(dir, "employee", rules(3, "refuse_non_medical"))) {
            refused(f, "NO_ITEMS", "没有收费项目，不能结算", CounterFixture.sale(psnNo(f), WATER, "1"));
        }
    }

    @Test
    void anEmptySaleGetsAZeroAnswerAndIsNotJournaledWhenAllowed() {
        List<Settlement> receipts = new ArrayList<>();
        try (CounterFixture f = new CounterFixture(dir, "employee", rules(3, "refuse_empty_sale", "refuse_non_medical"),
                b -> b.afterSettle(receipts::add))) {
            Untouched before = Untouched.of(f);
            for (PharmacySale sale : List.of(new PharmacySale(new DrugInfo(psnNo(f), "41", "1", null), List.of()),
                    CounterFixture.sale(psnNo(f), WATER, "3"))) {
                Settlement done = f.counter.settlePharmacy(sale, null, "E" + MSG.incrementAndGet());
                assertEquals(Money.ZERO, done.setlinfo().medfeeSumamt());
                assertEquals(before.balance(), done.setlinfo().balc());
                assertNull(done.setlinfo().setlId(), "not a settlement: nothing to sign");
            }
            assertEquals(before, Untouched.of(f));
            assertEquals(List.of(), receipts, "no receipt for what settled nothing");
        }
    }

    @Test
    void aPrescriptionDrugWithoutPrescriptionIsRefused() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            refused(f, "PRESCRIPTION_REQUIRED", "处方药需要定点医院的处方号", withoutRx(psnNo(f), OMEPRAZOLE));
        }
    }

    @Test
    void aPrescriptionDrugSellsWithoutPrescriptionWhenAllowed() {
        try (CounterFixture f = new CounterFixture(dir, "employee", rules(3, "prescription_required"))) {
            assertEquals(Money.parseYuan("18.50"), settles(f, withoutRx(psnNo(f), OMEPRAZOLE)).setlinfo().acctPay());
        }
    }

    @Test
    void anInHospitalCardIsRefusedAtThePharmacy() {
        try (CounterFixture f = new CounterFixture(dir, "in-hospital")) {
            refused(f, "CARD_IN_HOSPITAL", "参保人处于住院状态，出院结算前不能在门诊或药店结算",
                    CounterFixture.sale(psnNo(f), LIANHUA, "1"));
        }
    }

    @Test
    void anInHospitalCardBuysAtThePharmacyWhenAllowed() {
        try (CounterFixture f = new CounterFixture(dir, "in-hospital", rules(3, "refuse_in_hospital_at_pharmacy"))) {
            settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
        }
    }

    @Test
    void theDailyLimitCountsTodaysInsuredPurchasesOfTheCard() {
        try (CounterFixture f = new CounterFixture(dir, "employee", rules(2))) {
            settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            refused(f, "DAILY_PURCHASE_LIMIT", "该卡今日医保购药次数已达上限，请明日再来", CounterFixture.sale(psnNo(f), LIANHUA, "1"));
        }
    }

    @Test
    void noDailyLimitWhenTheSettingIsZero() {
        try (CounterFixture f = new CounterFixture(dir, "employee", rules(0))) {
            for (int i = 0; i < 4; i++) {
                settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            }
        }
    }

    private static PharmacySale withoutRx(String psnNo, String code) {
        return new PharmacySale(new DrugInfo(psnNo, "41", "1", null),
                List.of(new FeeLine("L1", null, null, code, BigDecimal.ONE, null, null)));
    }
}
