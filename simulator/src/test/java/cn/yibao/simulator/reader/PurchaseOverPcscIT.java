package cn.yibao.simulator.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.DebitInFlightException;
import cn.yibao.card.session.PendingDebit;
import cn.yibao.card.session.RecoveryResult;
import cn.yibao.card.session.SettleRequest;
import cn.yibao.card.session.SettleResult;
import cn.yibao.simulator.card.CardSnapshot;
import cn.yibao.simulator.card.Tear;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.pcsc.PcscCardReader;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Purchases through the real stack: javax.smartcardio → pcsclite → pcscd → vpcd → the virtual
 * card in slot 0 and the virtual PSAM in slot 1.
 */
@ExtendWith(PcscdExtension.class)
class PurchaseOverPcscIT {

    private static final Money AMOUNT = Money.ofFen(2_550);
    private static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 23, 10, 0);

    @RegisterExtension
    final CounterRig rig = new CounterRig("employee");

    @Test
    void aFullPurchaseDebitsTheCardExactlyOnce() {
        CardSnapshot before = rig.card().snapshot();

        SettleResult result;
        try (PcscCardReader counter = rig.open()) {
            CardSession session = new CardSession(counter.card(), counter.psam());
            result = counter.exclusively(() -> {
                CardInfo info = session.readCard(CounterRig.PIN);
                assertEquals(before.balance(), info.purse().balance());
                return session.settle(request());
            });
        }

        assertTrue(result.proof().mac2VerifiedByPsam(), "the PSAM verified MAC2");
        assertEquals(4, result.proof().tac().length);
        assertEquals(before.balance().minus(AMOUNT), result.balanceAfter());
        CardSnapshot after = rig.card().snapshot();
        assertEquals(before.balance().minus(AMOUNT), after.balance());
        assertEquals(before.offlineCounter() + 1, after.offlineCounter());
        assertEquals(before.log().size() + 1, after.log().size());
        assertEquals(before.onlineCounter(), after.onlineCounter());
    }

    @ParameterizedTest
    @EnumSource(Tear.Phase.class)
    void aCardTornAtDebitIsRecoveredWithProof(Tear.Phase phase) {
        CardSnapshot before = rig.card().snapshot();
        PendingDebit pending;
        try (PcscCardReader counter = rig.open()) {
            CardSession session = new CardSession(counter.card(), counter.psam());
            session.readCard(CounterRig.PIN);
            rig.card().tearAt(2, phase); // INITIALIZE FOR PURCHASE, then DEBIT
            CardException torn = assertThrows(CardException.class, () -> session.settle(request()));
            assertEquals(CardError.CARD_REMOVED, torn.error());
            pending = DebitInFlightException.of(torn).orElseThrow();
        }
        rig.awaitCardAbsent();
        rig.reader().reinsert();

        RecoveryResult recovery;
        try (PcscCardReader counter = rig.open()) {
            recovery = new CardSession(counter.card(), counter.psam()).recover(pending);
        }

        CardSnapshot after = rig.card().snapshot();
        if (phase == Tear.Phase.AFTER_ACTING) {
            assertTrue(recovery.debited());
            assertTrue(recovery.proof().orElseThrow().mac2VerifiedByPsam());
            assertEquals(before.balance().minus(AMOUNT), after.balance());
            assertEquals(before.offlineCounter() + 1, after.offlineCounter());
            assertEquals(before.log().size() + 1, after.log().size());
        } else {
            assertFalse(recovery.debited());
            assertEquals(before.balance(), after.balance());
            assertEquals(before.offlineCounter(), after.offlineCounter());
            assertEquals(before.log().size(), after.log().size());
        }
    }

    private static SettleRequest request() {
        return new SettleRequest(AMOUNT, SettlementRecord.simple(Money.ofFen(100), Money.ZERO, 2026), TIME);
    }
}
