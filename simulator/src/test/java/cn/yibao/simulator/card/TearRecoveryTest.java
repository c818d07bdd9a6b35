package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.DebitInFlightException;
import cn.yibao.card.session.DebitProof;
import cn.yibao.card.session.IssuerHost;
import cn.yibao.card.session.PendingDebit;
import cn.yibao.card.session.RecoveryResult;
import cn.yibao.card.session.SettleResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The card leaves the field at every contactless command of a sale, before and after acting on it;
 * the terminal recovers and ends with exactly one debit (never two), knowing which with proof.
 */
class TearRecoveryTest {

    /** SELECT, EXTERNAL AUTHENTICATE, VERIFY, READ MEDICAL DATA, INITIALIZE FOR PURCHASE, DEBIT. */
    static final int SALE_COMMANDS = 6;
    private static final long AMOUNT = 3_456;
    private static final IssuerHost HOST = new IssuerHost(IssuerKeys.test(Algorithm.TDES));

    @TempDir
    Path dir;

    static Stream<Arguments> tearPoints() {
        List<Arguments> points = new ArrayList<>();
        for (int n = 1; n <= SALE_COMMANDS; n++) {
            for (Tear.Phase phase : Tear.Phase.values()) {
                points.add(Arguments.of(n, phase));
            }
        }
        return points.stream();
    }

    static Stream<Arguments> tearPointsBothAlgorithms() {
        return Stream.of("employee", "employee-sm4").flatMap(persona -> tearPoints()
                .map(a -> Arguments.of(persona, a.get()[0], a.get()[1])));
    }

    @ParameterizedTest(name = "{0}: tear at command {1} {2}")
    @MethodSource("tearPointsBothAlgorithms")
    void exactlyOneDebitWithProof(String persona, int n, Tear.Phase phase) {
        Rig rig = new Rig(persona, dir);
        IssuerHost host = new IssuerHost(IssuerKeys.test(Personas.byId(persona).algorithm()));
        Money before = rig.card.snapshot().balance();
        rig.card.tearAt(n, phase);
        AtomicReference<PendingDebit> journaled = new AtomicReference<>();
        CardException torn = null;
        try {
            CardSession session = rig.session();
            session.readCard(Rig.PIN);
            session.settle(Rig.sale(AMOUNT), journaled::set);
        } catch (CardException e) {
            torn = e;
        }
        assertNotNull(torn, "the tear must surface");
        assertEquals(CardError.CARD_REMOVED, torn.error());
        boolean duringDebit = n == SALE_COMMANDS;
        assertEquals(duringDebit, DebitInFlightException.of(torn).isPresent(), "pending debit only when torn in DEBIT");
        rig.cardLink.reinsert();

        boolean debited = false;
        if (journaled.get() != null) {
            RecoveryResult r = rig.session().recover(journaled.get());
            debited = r.debited();
            assertEquals(duringDebit && phase == Tear.Phase.AFTER_ACTING, debited);
            if (debited) {
                DebitProof proof = r.proof().orElseThrow();
                assertTrue(proof.mac2VerifiedByPsam(), "PSAM verifies the recovered MAC2");
                assertTrue(host.verifyPurchaseTac(r.debit(), proof.tac()), "host verifies the TAC");
                assertEquals(journaled.get().offlineSeq() + 1, r.cardOfflineCounter());
            } else {
                assertEquals(journaled.get().offlineSeq(), r.cardOfflineCounter());
            }
        } else {
            assertTrue(n < SALE_COMMANDS, "no debit is journaled before DEBIT");
        }
        CardSnapshot afterTear = rig.card.snapshot();
        assertEquals(debited ? before.minus(Money.ofFen(AMOUNT)) : before, afterTear.balance());

        if (!debited) {
            CardSession retry = rig.session();
            retry.readCard(Rig.PIN);
            SettleResult ok = retry.settle(Rig.sale(AMOUNT));
            assertTrue(host.verifyPurchaseTac(ok.debit(), ok.proof().tac()));
        }
        CardSnapshot end = rig.card.snapshot();
        assertEquals(before.minus(Money.ofFen(AMOUNT)), end.balance(), "exactly one debit");
        assertEquals(1, end.offlineCounter());
        assertEquals(1, end.log().size());
    }

    @ParameterizedTest(name = "tear at command {0} {1}, then a second recovery")
    @MethodSource("tearPoints")
    void recoveryIsRepeatable(int n, Tear.Phase phase) {
        Rig rig = new Rig("employee", dir);
        rig.card.tearAt(n, phase);
        AtomicReference<PendingDebit> journaled = new AtomicReference<>();
        try {
            CardSession session = rig.session();
            session.readCard(Rig.PIN);
            session.settle(Rig.sale(AMOUNT), journaled::set);
        } catch (CardException e) {
            assertEquals(CardError.CARD_REMOVED, e.error());
        }
        rig.cardLink.reinsert();
        if (journaled.get() == null) {
            assertNull(journaled.get());
            return;
        }
        RecoveryResult first = rig.session().recover(journaled.get());
        RecoveryResult second = rig.session().recover(journaled.get());
        assertEquals(first.outcome(), second.outcome());
        assertEquals(first.cardOfflineCounter(), second.cardOfflineCounter());
    }

    /** A load (refund, deposit) torn at CREDIT FOR LOAD is recovered: exactly one credit. */
    @ParameterizedTest(name = "load torn at CREDIT {0}")
    @org.junit.jupiter.params.provider.EnumSource(Tear.Phase.class)
    void aTornLoadIsCreditedExactlyOnce(Tear.Phase phase) {
        Rig rig = new Rig("low-income", dir);
        Money before = rig.card.snapshot().balance();
        CardSession session = rig.session();
        session.readCard();
        cn.yibao.card.session.PendingLoad load = session.initLoad(Money.ofFen(5_000));
        byte[] mac2 = HOST.loadMac2(load, Rig.TIME);
        rig.card.tearAt(1, phase);
        CardException torn = org.junit.jupiter.api.Assertions.assertThrows(CardException.class,
                () -> session.credit(load, Rig.TIME, mac2));
        assertEquals(CardError.CARD_REMOVED, torn.error());
        rig.cardLink.reinsert();
        cn.yibao.card.session.LoadRecovery r = rig.session().recoverLoad(load);
        assertEquals(phase == Tear.Phase.AFTER_ACTING, r.credited());
        if (r.credited()) {
            assertTrue(HOST.verifyLoadTac(load, Rig.TIME, r.tac()));
        } else {
            CardSession retry = rig.session();
            retry.select();
            cn.yibao.card.session.PendingLoad again = retry.initLoad(Money.ofFen(5_000));
            retry.credit(again, Rig.TIME, HOST.loadMac2(again, Rig.TIME));
        }
        assertEquals(before.plus(Money.ofFen(5_000)), rig.card.snapshot().balance());
        assertEquals(1, rig.card.snapshot().onlineCounter());
    }
}
