package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.app.CardState;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.FeeUpload;
import cn.yibao.terminal.counter.FeeUploadResult;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.counter.live.Receipts;
import cn.yibao.terminal.devices.ReceiptLine;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outpatient visits and inpatient stays on the live counter with an in-process virtual card. */
class VisitFlowTest {

    static final Pin PIN = Pin.ofNullable("123456");

    @TempDir
    Path dir;

    @Test
    void anOutpatientVisitIsRegisteredTakesFeesOverARestartAndSettlesOnce() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = psnNo(f);
            Money before = f.card.snapshot().balance();
            Visit v = f.counter.register(new RegisterRequest(psnNo, null, "OP-1", "内科", "张医生"));
            assertEquals("OPEN", v.state());
            assertEquals("11", v.medType());

            FeeUploadResult up = f.counter.uploadFees(fees(v, psnNo, "F1", LiveCounterTest.OMEPRAZOLE, "2"));
            assertEquals(1, up.result().size());
            f.restart();
            f.counter.uploadFees(fees(v, psnNo, "F2", LiveCounterTest.LIANHUA, "1"));
            f.counter.uploadFees(fees(v, psnNo, "F1", LiveCounterTest.OMEPRAZOLE, "1"));  // replaces F1

            VisitSettle req = new VisitSettle(psnNo, v.mdtrtId(), "1", null, null);
            Settlement pre = f.counter.preSettleVisit(req);
            assertEquals(Money.parseYuan("43.50"), pre.setlinfo().medfeeSumamt());
            assertEquals(2, pre.detlcutinfo().size());
            assertEquals(before, f.card.snapshot().balance(), "pre-settlement writes nothing");

            Settlement done = f.counter.settleVisit(new VisitSettle(psnNo, v.mdtrtId(), "1", null,
                    pre.setlinfo().acctPay()), PIN, "V-1");
            assertNotNull(done.setlinfo().setlId());
            assertEquals(v.mdtrtId(), done.setlinfo().mdtrtId());
            assertEquals(new ReceiptLine.Title("医疗保险门诊结算单"),
                    Receipts.of(done, "市医院", f.psam.terminalId()).lines().get(0));
            assertEquals(before.minus(done.setlinfo().acctPay()), f.card.snapshot().balance());
            assertEquals(1, f.card.snapshot().log().size());
            assertEquals(done, f.counter.settleVisit(req, PIN, "V-1"), "a repeated msgid gets the first answer");
            assertEquals(1, f.card.snapshot().log().size(), "and writes nothing more");
            assertEquals(1, f.journal.records().head().nextSeq() - 1, "one signed record");
            assertEquals(1, f.counter.todayTotals().setlCnt());

            assertRefused(CounterRefusal.VISIT_CLOSED, () -> f.counter.settleVisit(req, PIN, "V-2"));
            assertRefused(CounterRefusal.VISIT_CLOSED,
                    () -> f.counter.uploadFees(fees(v, psnNo, "F3", LiveCounterTest.LIANHUA, "1")));
        }
    }

    @Test
    void visitRefusalsLeaveCardAndJournalAsTheyWere() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = psnNo(f);
            Visit v = f.counter.register(new RegisterRequest(psnNo, "11", "OP-2", null, null));
            VisitSettle req = new VisitSettle(psnNo, v.mdtrtId(), "1", null, null);
            assertRefused(CounterRefusal.NO_ITEMS, () -> f.counter.preSettleVisit(req));
            assertRefused(CounterRefusal.VISIT_NOT_FOUND,
                    () -> f.counter.uploadFees(fees(v, "OTHER", "F1", LiveCounterTest.LIANHUA, "1")));
            assertRefused(CounterRefusal.UNKNOWN_ITEM,
                    () -> f.counter.uploadFees(fees(v, psnNo, "F1", "NO-SUCH-CODE", "1")));
            f.counter.uploadFees(fees(v, psnNo, "F1", LiveCounterTest.LIANHUA, "1"));
            assertRefused(CounterRefusal.PIN_REQUIRED, () -> f.counter.settleVisit(req, null, "V-1"));
            assertRefused(CounterRefusal.SPLIT_CHANGED, () -> f.counter.settleVisit(
                    new VisitSettle(psnNo, v.mdtrtId(), "1", null, Money.parseYuan("0.01")), PIN, "V-1"));
            assertRefused(CounterRefusal.VISIT_NOT_FOUND, () -> f.counter.preSettleVisit(
                    new VisitSettle(psnNo, "M000000000000", "1", null, null)));
            assertRefused(CounterRefusal.VISIT_NOT_FOUND, () -> f.counter.discharge(
                    new DischargeRequest(v.mdtrtId(), psnNo, null, null)));
            assertEquals(0, f.card.snapshot().log().size());
            assertTrue(f.journal.queries().recent(10).isEmpty(), "nothing journaled");
        }
    }

    @Test
    void anInpatientStayMarksTheCardAndTheDischargeSettlementClearsItAndAddsTheYearToDate() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = psnNo(f);
            Money before = f.card.snapshot().balance();
            assertRefused(CounterRefusal.PIN_REQUIRED, () -> f.counter.admit(admission(psnNo), null, "A-1"));
            Visit stay = f.counter.admit(admission(psnNo), PIN, "A-1");
            assertEquals("OPEN", stay.state());
            assertEquals("21", stay.medType());
            assertEquals(CardState.IN_HOSPITAL, f.card.snapshot().insurance().cardState());
            assertEquals(before, f.card.snapshot().balance(), "admission debits nothing");
            assertEquals(stay, f.counter.admit(admission(psnNo), PIN, "A-1"), "a repeated msgid gets the first answer");
            assertEquals(1, f.card.snapshot().log().size());
            assertRefused(CounterRefusal.ALREADY_IN_HOSPITAL, () -> f.counter.admit(admission(psnNo), PIN, "A-2"));
            assertRefused(CounterRefusal.CARD_IN_HOSPITAL,
                    () -> f.counter.preSettlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1")));
            assertRefused(CounterRefusal.CARD_IN_HOSPITAL,
                    () -> f.counter.register(new RegisterRequest(psnNo, null, "OP-3", null, null)));

            f.counter.uploadFees(fees(stay, psnNo, "D1", LiveCounterTest.OMEPRAZOLE, "20"));
            f.restart();
            f.counter.uploadFees(fees(stay, psnNo, "D2", LiveCounterTest.LIANHUA, "40"));
            VisitSettle req = new VisitSettle(psnNo, stay.mdtrtId(), "1", "0", null);
            Settlement pre = f.counter.preSettleVisit(req);
            assertEquals(Money.parseYuan("1370.00"), pre.setlinfo().medfeeSumamt());
            assertRefused(CounterRefusal.DISCHARGE_REQUIRED, () -> f.counter.settleVisit(req, PIN, "S-1"));

            Visit out = f.counter.discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, "1"));
            assertEquals("DISCHARGED", out.state());
            assertNotNull(out.endtime());
            assertRefused(CounterRefusal.VISIT_CLOSED,
                    () -> f.counter.uploadFees(fees(stay, psnNo, "D3", LiveCounterTest.LIANHUA, "1")));
            Settlement done = f.counter.settleVisit(req, PIN, "S-1");
            assertEquals("21", done.setlinfo().medType());
            List<ReceiptLine> statement = Receipts.of(done, "市医院", f.psam.terminalId()).lines();
            assertEquals(new ReceiptLine.Title("医疗保险出院结算单"), statement.get(0));
            assertTrue(statement.contains(new ReceiptLine.Pair("住院号", stay.mdtrtId())), statement.toString());
            assertTrue(done.setlinfo().fundPaySumamt().fen() > 0, "the funds pay part of a stay");
            assertEquals(CardState.NORMAL, f.card.snapshot().insurance().cardState());
            assertEquals(before.minus(done.setlinfo().acctPay()), f.card.snapshot().balance());
            assertTrue(f.card.snapshot().accumulators().ytdBase().fen() > 0, "the card's year-to-date grew");
            assertEquals(2, f.card.snapshot().log().size());
            assertEquals(2, f.journal.records().head().nextSeq() - 1, "admission and discharge are signed records");
            assertEquals(1, f.counter.todayTotals().setlCnt(), "an admission is no settlement");
            List<JournalTxn> txns = f.journal.queries().recent(10);
            assertEquals(List.of(TxnKind.DISCHARGE, TxnKind.ADMIT), txns.stream().map(JournalTxn::kind).toList());
            assertTrue(txns.stream().allMatch(t -> t.state() == TxnState.COMMITTED));
            assertRefused(CounterRefusal.VISIT_CLOSED, () -> f.counter.settleVisit(req, PIN, "S-2"));
            // the card may now settle at the pharmacy again
            f.counter.preSettlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"));
        }
    }

    @Test
    void lostAndBlacklistedCardsAreNotAdmitted() {
        for (String[] c : new String[][] {{"lost", "CARD_LOST"}, {"blacklisted", "CARD_BLACKLISTED"}}) {
            try (CounterFixture f = new CounterFixture(dir.resolve(c[0]), c[0])) {
                CounterRefusedException e = assertThrows(CounterRefusedException.class,
                        () -> f.counter.admit(admission(null), PIN, "A-1"));
                assertEquals(c[1], e.refusal().code());
                assertTrue(f.journal.queries().recent(10).isEmpty());
            }
        }
    }

    static String psnNo(CounterFixture f) {
        return f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
    }

    static AdmissionRequest admission(String psnNo) {
        return new AdmissionRequest(psnNo == null ? "ANY" : psnNo, null, null, "IP-1", "外科", "阑尾炎");
    }

    static FeeUpload fees(Visit v, String psnNo, String sn, String code, String cnt) {
        return new FeeUpload(List.of(new FeeLine(sn, v.mdtrtId(), psnNo, code, new BigDecimal(cnt), null, "RX-1")));
    }

    static void assertRefused(CounterRefusal expected, org.junit.jupiter.api.function.Executable call) {
        CounterRefusedException e = assertThrows(CounterRefusedException.class, call);
        assertEquals(expected, e.refusal(), e.refusal().code());
    }
}
