package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.VisitFlowTest.PIN;
import static cn.yibao.simulator.counter.VisitFlowTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yibao.card.Money;
import cn.yibao.card.app.CardState;
import cn.yibao.simulator.card.Tear;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.DayTotals;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.counter.live.Receipts;
import cn.yibao.terminal.devices.ReceiptLine;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Same-day cancellation with the account share refunded by a host-authorised load. */
class CancelFlowTest {

    private static final int MAX_COMMANDS = 20;

    @TempDir
    Path dir;

    @Test
    void aPharmacySaleIsCancelledOnceAndTheAccountRefundedByALoad() {
        try (CounterFixture f = fixture(dir, new RefundHost())) {
            String psnNo = VisitFlowTest.psnNo(f);
            Money before = f.card.snapshot().balance();
            Settlement sale = sellAndUpload(f, psnNo);
            assertEquals(before.minus(Money.parseYuan("25.00")), f.card.snapshot().balance());

            CancelRequest req = new CancelRequest(sale.setlinfo().setlId(), null, psnNo);
            Settlement undo = f.counter.cancel(req, "C-1");
            assertEquals(Money.parseYuan("-25.00"), undo.setlinfo().acctPay());
            assertEquals(before, undo.setlinfo().balc());
            assertEquals(before, f.card.snapshot().balance(), "the account share is back on the card");
            assertEquals(1, f.card.snapshot().onlineCounter(), "by one load");
            assertEquals(undo, f.counter.cancel(req, "C-1"), "a repeated msgid gets the first answer");
            List<ReceiptLine> voucher = Receipts.of(undo, "定点零售药店", f.psam.terminalId()).lines();
            assertEquals(new ReceiptLine.Title("医疗保险结算撤销凭证"), voucher.get(0));
            assertTrue(voucher.contains(new ReceiptLine.Pair("退回个人账户", "25.00")), voucher.toString());
            assertRefused(CounterRefusal.ALREADY_CANCELLED, () -> f.counter.cancel(req, "C-2"));
            assertEquals(before, f.card.snapshot().balance(), "refunded once");
            assertEquals(1, ((RefundHost) f.host.current()).cancelled.size());

            DayTotals today = f.counter.todayTotals();
            assertEquals(0, today.setlCnt());
            assertEquals(1, today.cancelCnt());
            assertEquals(Money.ZERO, today.acctPay(), "today's totals are net of cancellations");
            assertEquals(Money.ZERO, today.medfeeSumamt());
            List<JournalEntry> entries = f.counter.searchJournal(new JournalQuery(null, null, null, null, null, null));
            assertEquals(List.of("2103", "2102"), entries.stream().map(JournalEntry::infno).toList());
            assertEquals(List.of("REVERSAL", "CANCELLED"), entries.stream().map(JournalEntry::state).toList());
            assertEquals(2, f.journal.records().head().nextSeq() - 1, "the cancellation is a signed record");
        }
    }

    @Test
    void refusalsChangeNothing() {
        RefundHost host = new RefundHost();
        try (CounterFixture f = fixture(dir, host)) {
            String psnNo = VisitFlowTest.psnNo(f);
            Settlement sale = f.counter.settlePharmacy(
                    CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), PIN, "P-1");
            CancelRequest req = new CancelRequest(sale.setlinfo().setlId(), null, psnNo);
            Money paid = f.card.snapshot().balance();
            assertRefused(CounterRefusal.NOT_UPLOADED_YET, () -> f.counter.cancel(req, "C-1"));
            f.journal.uploads().acknowledge(1);
            assertRefused(CounterRefusal.SETTLEMENT_NOT_FOUND,
                    () -> f.counter.cancel(new CancelRequest("S" + f.psam.terminalId() + "00000099", null, psnNo), "C-2"));
            assertRefused(CounterRefusal.SETTLEMENT_NOT_FOUND,
                    () -> f.counter.cancel(new CancelRequest(sale.setlinfo().setlId(), null, "OTHER"), "C-3"));
            host.reachable = false;
            assertRefused(CounterRefusal.HOST_UNAVAILABLE_FOR_CANCEL, () -> f.counter.cancel(req, "C-4"));
            host.reachable = true;
            host.refuseLoads = true;
            assertRefused(CounterRefusal.REFUND_REFUSED, () -> f.counter.cancel(req, "C-5"));
            assertEquals(paid, f.card.snapshot().balance(), "nothing refunded");
            assertTrue(f.journal.queries().recent(10).stream().filter(t -> t.kind() == TxnKind.CANCEL)
                    .allMatch(t -> t.state() == TxnState.VOIDED), "the attempts are voided");
            assertEquals(1, f.journal.records().head().nextSeq() - 1, "no record but the sale's");

            host.refuseLoads = false;
            f.counter.cancel(req, "C-6");
            assertEquals(paid.plus(Money.parseYuan("25.00")), f.card.snapshot().balance());

            f.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(1));
            f.restart();
            Settlement old = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), PIN, "P-2");
            f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);
            f.clock = Clock.offset(Clock.systemUTC(), Duration.ofDays(2));
            f.restart();
            assertRefused(CounterRefusal.NOT_SAME_DAY,
                    () -> f.counter.cancel(new CancelRequest(old.setlinfo().setlId(), null, psnNo), "C-7"));
        }
    }

    @Test
    void anOutpatientVisitAndADischargeSettlementAreCancelledToo() {
        try (CounterFixture f = fixture(dir, new RefundHost())) {
            String psnNo = VisitFlowTest.psnNo(f);
            Money before = f.card.snapshot().balance();
            Visit v = f.counter.register(new RegisterRequest(psnNo, null, "OP-1", null, null));
            f.counter.uploadFees(VisitFlowTest.fees(v, psnNo, "F1", LiveCounterTest.LIANHUA, "2"));
            Settlement paid = f.counter.settleVisit(new VisitSettle(psnNo, v.mdtrtId(), "1", null, null), PIN, "V-1");
            f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);
            f.counter.cancel(new CancelRequest(paid.setlinfo().setlId(), v.mdtrtId(), psnNo), "C-1");
            assertEquals(before, f.card.snapshot().balance());

            Visit stay = f.counter.admit(VisitFlowTest.admission(psnNo), PIN, "A-1");
            f.counter.uploadFees(VisitFlowTest.fees(stay, psnNo, "D1", LiveCounterTest.LIANHUA, "40"));
            f.counter.discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, null));
            Settlement out = f.counter.settleVisit(new VisitSettle(psnNo, stay.mdtrtId(), "1", null, null), PIN, "S-1");
            f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);
            Settlement undo = f.counter.cancel(new CancelRequest(out.setlinfo().setlId(), null, psnNo), "C-2");
            assertEquals(Money.ZERO.minus(out.setlinfo().acctPay()), undo.setlinfo().acctPay());
            assertEquals(before, f.card.snapshot().balance());
            assertEquals(CardState.NORMAL, f.card.snapshot().insurance().cardState());
            List<JournalEntry> entries = f.counter.searchJournal(new JournalQuery(null, null, null, null, null, null));
            assertEquals(List.of("2305", "2304", "2208", "2207"), entries.stream().map(JournalEntry::infno).toList());
        }
    }

    @Test
    void aCashSaleIsCancelledWithoutALoadEvenIfTheHostAlreadyHeldTheCancellation() {
        RefundHost host = new RefundHost();
        try (CounterFixture f = new CounterFixture(dir, "resident-adult")) {
            f.host.use(host);
            String psnNo = VisitFlowTest.psnNo(f);
            Settlement sale = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), null, "P-1");
            f.journal.uploads().acknowledge(1);
            // an earlier attempt reached the host and crashed here before its commit (recovery voided it)
            host.cancelled.put(sale.setlinfo().setlId(), -1);
            Settlement undo = f.counter.cancel(new CancelRequest(sale.setlinfo().setlId(), null, psnNo), "C-1");
            assertEquals(Money.parseYuan("-25.00"), undo.setlinfo().medfeeSumamt());
            assertEquals(Money.ZERO, undo.setlinfo().acctPay());
            assertEquals(0, f.card.snapshot().onlineCounter(), "nothing to load");
            assertEquals(1, f.counter.todayTotals().cancelCnt());
        }
    }

    @ParameterizedTest
    @EnumSource(Tear.Phase.class)
    void aRefundTornAtAnyCardCommandIsCreditedOnceAfterRecoveryAndRetry(Tear.Phase phase) {
        int torn = 0;
        for (int n = 1; n <= MAX_COMMANDS; n++) {
            RefundHost host = new RefundHost();
            try (CounterFixture f = fixture(dir.resolve("refund-" + phase + "-" + n), host)) {
                String psnNo = VisitFlowTest.psnNo(f);
                Money before = f.card.snapshot().balance();
                Settlement sale = sellAndUpload(f, psnNo);
                CancelRequest req = new CancelRequest(sale.setlinfo().setlId(), null, psnNo);
                f.card.tearAt(n, phase);
                boolean completed;
                try {
                    f.counter.cancel(req, "C-1");
                    completed = true;
                } catch (RuntimeException e) {
                    completed = false;
                }
                f.recoverAfterTear();
                List<JournalTxn> txns = f.journal.queries().recent(10);
                String at = "card torn at command " + n + " " + phase;
                assertTrue(txns.stream().allMatch(t -> t.state().isFinal()), at + ": nothing in doubt " + txns);
                boolean committed = txns.stream().anyMatch(t -> t.kind() == TxnKind.CANCEL && t.state() == TxnState.COMMITTED);
                assertEquals(committed ? before : before.minus(Money.parseYuan("25.00")), f.card.snapshot().balance(),
                        at + ": card and journal disagree");
                if (completed) {
                    assertTrue(committed, at + ": a completed cancellation is committed");
                    assertTrue(torn >= 4, "the refund should have been torn at several commands, was at " + torn);
                    return;
                }
                torn++;
                if (!committed) {
                    // the cashier cancels again: the host, which may hold the cancellation, authorises the load again
                    f.counter.cancel(req, "C-2");
                }
                assertEquals(before, f.card.snapshot().balance(), at + ": refunded exactly once");
                assertRefused(CounterRefusal.ALREADY_CANCELLED, () -> f.counter.cancel(req, "C-3"));
            }
        }
        fail("the cancellation never completed within " + MAX_COMMANDS + " commands");
    }

    private static CounterFixture fixture(Path dir, RefundHost host) {
        CounterFixture f = new CounterFixture(dir, "employee");
        f.host.use(host);
        return f;
    }

    private static Settlement sellAndUpload(CounterFixture f, String psnNo) {
        Settlement sale = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), PIN, "P-1");
        f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);
        return sale;
    }
}
