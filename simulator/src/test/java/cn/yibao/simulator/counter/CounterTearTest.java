package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import cn.yibao.card.Money;
import cn.yibao.simulator.card.Tear;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The card (or the PSAM) vanishes at every command of a pharmacy sale, before or after acting on
 * it; the terminal restarts and recovers: the card was debited exactly once or not at all, and the
 * journal says the same, with the card's proof.
 */
class CounterTearTest {

    private static final Money BILL = Money.parseYuan("25.00");
    private static final int MAX_COMMANDS = 20;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Tear.Phase.class)
    void aCardTornAtAnyCommandIsDebitedOnceOrNotAtAll(Tear.Phase phase) {
        int torn = 0;
        for (int n = 1; n <= MAX_COMMANDS; n++) {
            if (!tornSale(dir.resolve("card-" + phase + "-" + n), n, phase, false)) {
                assertTrue(torn >= 5, "the sale should have been torn at several commands, was at " + torn);
                return;
            }
            torn++;
        }
        fail("the sale never completed within " + MAX_COMMANDS + " commands");
    }

    @ParameterizedTest
    @EnumSource(Tear.Phase.class)
    void aPsamLostAtAnyCommandIsRecoveredToo(Tear.Phase phase) {
        for (int n = 1; n <= MAX_COMMANDS; n++) {
            if (!tornSale(dir.resolve("psam-" + phase + "-" + n), n, phase, true)) {
                return;
            }
        }
        fail("the sale never completed within " + MAX_COMMANDS + " commands");
    }

    /** @return true if the sale was torn (and recovered), false if it completed untorn */
    private boolean tornSale(Path where, int n, Tear.Phase phase, boolean psam) {
        try (CounterFixture f = new CounterFixture(where, "employee")) {
            String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            Money before = f.card.snapshot().balance();
            if (psam) {
                f.psam.tearAt(n, phase);
            } else {
                f.card.tearAt(n, phase);
            }
            boolean completed;
            try {
                f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), Pin.ofNullable("123456"), "T1");
                completed = true;
            } catch (RuntimeException e) {
                completed = false;
            }
            f.card.noTear();
            f.psam.tearAt(Integer.MAX_VALUE, phase);
            if (!f.cardLink.present()) {
                f.cardLink.reinsert();
            }
            if (!f.psamLink.present()) {
                f.psamLink.reinsert();
            }
            f.restart();
            f.recover();

            List<JournalTxn> txns = f.journal.queries().recent(10);
            long committed = txns.stream().filter(t -> t.state() == TxnState.COMMITTED).count();
            assertTrue(txns.stream().allMatch(t -> t.state().isFinal()), "nothing left in doubt: " + txns);
            Money debited = before.minus(f.card.snapshot().balance());
            String at = (psam ? "PSAM" : "card") + " torn at command " + n + " " + phase;
            assertEquals(committed == 1 ? BILL : Money.ZERO, debited, at + ": card and journal disagree");
            assertEquals(committed, f.card.snapshot().log().size(), at + ": card log");
            assertEquals(committed, f.journal.records().head().nextSeq() - 1, at + ": signed records");
            if (completed) {
                assertEquals(1, committed, at + ": a completed sale is committed");
            }
            return !completed;
        }
    }
}
