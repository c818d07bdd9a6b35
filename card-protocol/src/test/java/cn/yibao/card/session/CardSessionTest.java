package cn.yibao.card.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.Transport;
import cn.yibao.card.TransportException;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.PsamCommands;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Session behaviour against scripted answers (the real card's behaviour is tested in simulator). */
class CardSessionTest {

    private static final LocalDateTime TIME = LocalDateTime.of(2026, 1, 1, 8, 0);

    private static PendingDebit pending(byte[] serial, int seq) {
        return new PendingDebit(serial, "A22000001", Algorithm.TDES, seq, Money.ofFen(100), "220100000001", 1, TIME,
                Money.ofFen(100_000), Optional.empty());
    }

    private static SettleRequest request() {
        return new SettleRequest(Money.ofFen(100), SettlementRecord.simple(Money.ZERO, Money.ZERO, 2026), TIME);
    }

    /** The scripted card, except for one INS answered with {@code answer}. */
    private static Transport cardWith(int ins, byte[] answer) {
        return c -> (c[1] & 0xFF) == ins ? answer.clone() : ScriptedCard.card(c);
    }

    @Test
    void readsTheScriptedCard() {
        CardSession s = new CardSession(ScriptedCard::card, ScriptedCard::psam);
        CardInfo info = s.readCard("123456");
        assertEquals("张伟", info.holder().name());
        assertTrue(info.accumulators().isPresent());
        assertEquals(4, s.cardExchanges());
        assertEquals(1, s.psamExchanges());
    }

    @Test
    void aBadPinIsRefusedBeforeAnythingIsSent() {
        CardSession s = new CardSession(c -> {
            throw new AssertionError("nothing may be sent");
        }, ScriptedCard::psam);
        assertEquals(CardError.PIN_FORMAT, assertThrows(CardException.class, () -> s.readCard("12a4")).error());
        assertEquals(CardError.PIN_FORMAT, assertThrows(CardException.class, () -> s.readCard("123")).error());
    }

    @Test
    void recoveryOnAnotherCardIsRefused() {
        CardSession s = new CardSession(ScriptedCard::card, ScriptedCard::psam);
        CardException e = assertThrows(CardException.class,
                () -> s.recover(pending(Hex.parse("2201000000000099"), 5)));
        assertEquals(CardError.WRONG_CARD, e.error());
    }

    @Test
    void noProofAndAnUnchangedCounterMeansNotDebited() {
        CardSession s = new CardSession(cardWith(CardCommands.GET_PROVE, Hex.parse("9406")), ScriptedCard::psam);
        RecoveryResult r = s.recover(pending(ScriptedCard.SERIAL, 5));
        assertFalse(r.debited());
        assertEquals(5, r.cardOfflineCounter());
    }

    @Test
    void noProofButAMovedCounterIsUnprovable() {
        CardSession s = new CardSession(cardWith(CardCommands.GET_PROVE, Hex.parse("9406")), ScriptedCard::psam);
        assertEquals(CardError.RECOVERY_UNPROVABLE,
                assertThrows(CardException.class, () -> s.recover(pending(ScriptedCard.SERIAL, 4))).error());
    }

    @Test
    void aProofWithoutACounterIncrementIsMalformed() {
        CardSession s = new CardSession(ScriptedCard::card, ScriptedCard::psam);
        assertEquals(CardError.MALFORMED_RESPONSE,
                assertThrows(CardException.class, () -> s.recover(pending(ScriptedCard.SERIAL, 5))).error());
    }

    @Test
    void aProofIsDebitedEvenIfThePsamLostTheSession() {
        Transport psam = c -> (c[1] & 0xFF) == PsamCommands.VERIFY_MAC2 ? Hex.parse("6985") : ScriptedCard.psam(c);
        CardSession s = new CardSession(ScriptedCard::card, psam);
        RecoveryResult r = s.recover(pending(ScriptedCard.SERIAL, 4));
        assertTrue(r.debited());
        assertFalse(r.proof().orElseThrow().mac2VerifiedByPsam());
    }

    @Test
    void aTearDuringDebitCarriesThePendingDebit() {
        Transport card = c -> {
            if ((c[1] & 0xFF) == CardCommands.DEBIT) {
                throw new TransportException("gone");
            }
            return ScriptedCard.card(c);
        };
        CardSession s = new CardSession(card, ScriptedCard::psam);
        s.readCard("123456");
        CardException e = assertThrows(CardException.class, () -> s.settle(request()));
        assertEquals(CardError.CARD_REMOVED, e.error());
        PendingDebit p = DebitInFlightException.of(e).orElseThrow();
        assertEquals(5, p.offlineSeq());
        assertEquals(Money.ofFen(99_900), p.balanceAfter());
        assertFalse(p.toString().contains("A22000001"), "card number masked");
    }

    @Test
    void aWrongMac2FromTheCardIsReportedWithThePendingDebit() {
        Transport psam = c -> (c[1] & 0xFF) == PsamCommands.VERIFY_MAC2 ? Hex.parse("9302") : ScriptedCard.psam(c);
        CardSession s = new CardSession(ScriptedCard::card, psam);
        s.readCard("123456");
        CardException e = assertThrows(CardException.class, () -> s.settle(request()));
        assertEquals(CardError.MAC_INVALID, e.error());
        assertTrue(DebitInFlightException.of(e).isPresent(), "the card did debit: the terminal must keep the debit");
    }

    @Test
    void aRefusedDebitCarriesNoPendingDebit() {
        CardSession s = new CardSession(cardWith(CardCommands.DEBIT, Hex.parse("9302")), ScriptedCard::psam);
        s.readCard("123456");
        CardException e = assertThrows(CardException.class, () -> s.settle(request()));
        assertEquals(CardError.MAC_INVALID, e.error());
        assertTrue(DebitInFlightException.of(e).isEmpty());
    }

    @Test
    void aDebitWithAnOpenOutcomeCarriesThePendingDebit() {
        for (String sw : new String[] {"6581", "6F00", "6A99"}) {
            CardSession s = new CardSession(cardWith(CardCommands.DEBIT, Hex.parse(sw)), ScriptedCard::psam);
            s.readCard("123456");
            CardException e = assertThrows(CardException.class, () -> s.settle(request()));
            assertTrue(DebitInFlightException.of(e).isPresent(), sw);
            assertEquals(Integer.parseInt(sw, 16), e.statusWord().orElseThrow());
        }
    }

    @Test
    void aLostPsamIsItsOwnErrorAndAfterDebitKeepsThePendingDebit() {
        CardSession early = new CardSession(ScriptedCard::card, c -> {
            throw new TransportException("SAM slot empty");
        });
        assertEquals(CardError.PSAM_UNAVAILABLE, assertThrows(CardException.class, early::readCard).error());
        Transport psam = c -> {
            if ((c[1] & 0xFF) == PsamCommands.VERIFY_MAC2) {
                throw new TransportException("SAM slot empty");
            }
            return ScriptedCard.psam(c);
        };
        CardSession late = new CardSession(ScriptedCard::card, psam);
        late.readCard("123456");
        CardException e = assertThrows(CardException.class, () -> late.settle(request()));
        assertEquals(CardError.PSAM_UNAVAILABLE, e.error());
        assertTrue(DebitInFlightException.of(e).isPresent());
    }

    @Test
    void settleNeedsAReadCardFirst() {
        CardSession s = new CardSession(ScriptedCard::card, ScriptedCard::psam);
        assertThrows(IllegalStateException.class, () -> s.settle(request()));
    }

    @Test
    void amountsBeyondTheCardFieldAreRefused() {
        CardSession s = new CardSession(ScriptedCard::card, ScriptedCard::psam);
        s.readCard("123456");
        SettleRequest huge = new SettleRequest(Money.ofFen(0x1_0000_0000L),
                SettlementRecord.simple(Money.ZERO, Money.ZERO, 2026), TIME);
        assertEquals(CardError.AMOUNT_OUT_OF_RANGE, assertThrows(CardException.class, () -> s.settle(huge)).error());
    }
}
