package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yibao.card.Money;
import cn.yibao.card.app.CardState;
import cn.yibao.simulator.card.Tear;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card vanishes at every command of an admission and of a discharge settlement, before or after
 * acting on it; the terminal restarts and recovers: the card's state, balance and log and the
 * journal's signed records agree — the write happened once or not at all.
 */
class VisitTearTest {

    private static final int MAX_COMMANDS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Tear.Phase.class)
    void anAdmissionTornAtAnyCardCommandIsWrittenOnceOrNotAtAll(Tear.Phase phase) {
        int torn = 0;
        for (int n = 1; n <= MAX_COMMANDS; n++) {
            try (CounterFixture f = new CounterFixture(dir.resolve("adm-" + phase + "-" + n), "employee")) {
                String psnNo = VisitFlowTest.psnNo(f);
                f.card.tearAt(n, phase);
                boolean completed = attempt(() -> f.counter.admit(VisitFlowTest.admission(psnNo), VisitFlowTest.PIN, "A-1"));
                recoverAfterRestart(f);
                long committed = committed(f, TxnKind.ADMIT);
                String at = "card torn at command " + n + " " + phase;
                assertEquals(committed == 1 ? CardState.IN_HOSPITAL : CardState.NORMAL,
                        f.card.snapshot().insurance().cardState(), at + ": card state and journal disagree");
                assertEquals(committed, f.card.snapshot().log().size(), at + ": card log");
                assertEquals(committed, f.journal.records().head().nextSeq() - 1, at + ": signed records");
                if (completed) {
                    assertEquals(1, committed, at + ": a completed admission is committed");
                    assertTrue(torn >= 5, "the admission should have been torn at several commands, was at " + torn);
                    return;
                }
                torn++;
            }
        }
        fail("the admission never completed within " + MAX_COMMANDS + " commands");
    }

    @ParameterizedTest
    @EnumSource(Tear.Phase.class)
    void aDischargeSettlementTornAtAnyCardCommandIsDebitedOnceOrNotAtAll(Tear.Phase phase) {
        int torn = 0;
        for (int n = 1; n <= MAX_COMMANDS; n++) {
            try (CounterFixture f = new CounterFixture(dir.resolve("dis-" + phase + "-" + n), "employee")) {
                String psnNo = VisitFlowTest.psnNo(f);
                Visit stay = f.counter.admit(VisitFlowTest.admission(psnNo), VisitFlowTest.PIN, "A-1");
                f.counter.uploadFees(VisitFlowTest.fees(stay, psnNo, "D1", LiveCounterTest.LIANHUA, "40"));
                f.counter.discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, null));
                VisitSettle req = new VisitSettle(psnNo, stay.mdtrtId(), "1", null, null);
                Money account = f.counter.preSettleVisit(req).setlinfo().acctPay();
                Money before = f.card.snapshot().balance();
                f.card.tearAt(n, phase);
                boolean completed = attempt(() -> f.counter.settleVisit(req, VisitFlowTest.PIN, "S-1"));
                recoverAfterRestart(f);
                long committed = committed(f, TxnKind.DISCHARGE);
                String at = "card torn at command " + n + " " + phase;
                assertEquals(committed == 1 ? CardState.NORMAL : CardState.IN_HOSPITAL,
                        f.card.snapshot().insurance().cardState(), at + ": card state and journal disagree");
                assertEquals(committed == 1 ? account : Money.ZERO, before.minus(f.card.snapshot().balance()),
                        at + ": debit and journal disagree");
                assertEquals(1 + committed, f.card.snapshot().log().size(), at + ": card log");
                assertEquals(1 + committed, f.journal.records().head().nextSeq() - 1, at + ": signed records");
                if (completed) {
                    assertEquals(1, committed, at + ": a completed settlement is committed");
                    assertTrue(torn >= 5, "the settlement should have been torn at several commands, was at " + torn);
                    return;
                }
                torn++;
                // after recovery the clerk settles again: exactly one discharge settlement in the end
                f.counter.settleVisit(req, VisitFlowTest.PIN, committed == 1 ? "S-1" : "S-2");
                assertEquals(1, committed(f, TxnKind.DISCHARGE), at + ": settled once after the retry");
                assertEquals(CardState.NORMAL, f.card.snapshot().insurance().cardState());
            }
        }
        fail("the settlement never completed within " + MAX_COMMANDS + " commands");
    }

    private static boolean attempt(Runnable call) {
        try {
            call.run();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void recoverAfterRestart(CounterFixture f) {
        f.recoverAfterTear();
        List<JournalTxn> txns = f.journal.queries().recent(10);
        assertTrue(txns.stream().allMatch(t -> t.state().isFinal()), "nothing left in doubt: " + txns);
    }

    private static long committed(CounterFixture f, TxnKind kind) {
        return f.journal.queries().recent(10).stream()
                .filter(t -> t.kind() == kind && t.state() == TxnState.COMMITTED).count();
    }
}
