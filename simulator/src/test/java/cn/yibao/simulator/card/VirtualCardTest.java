package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.MedicalLogRecord;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.IssuerHost;
import cn.yibao.card.session.PendingLoad;
import cn.yibao.card.session.SettleRequest;
import cn.yibao.card.session.SettleResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VirtualCardTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"employee", "employee-sm4"})
    void fullPurchaseChangesBalanceCounterAndLogOnce(String persona) {
        Rig rig = new Rig(persona, dir);
        CardSession s = rig.session();
        CardInfo info = s.readCard(Rig.PIN);
        Money before = info.purse().balance();
        SettleResult r = s.settle(Rig.sale(2_550));
        assertTrue(r.proof().mac2VerifiedByPsam());
        Algorithm alg = info.identity().algorithm();
        assertTrue(new IssuerHost(IssuerKeys.test(alg)).verifyPurchaseTac(r.debit(), r.proof().tac()));
        CardSnapshot after = rig.card.snapshot();
        assertEquals(before.minus(Money.ofFen(2_550)), after.balance());
        assertEquals(r.balanceAfter(), after.balance());
        assertEquals(1, after.offlineCounter());
        MedicalLogRecord log = after.log().get(0);
        assertEquals(new MedicalLogRecord(0, MedicalLogRecord.SETTLEMENT, VirtualPsam.DEFAULT_TERMINAL_ID, Rig.TIME,
                Money.ofFen(2_550), Money.ofFen(500), Money.ofFen(1_200)), log);
        assertEquals(6, s.cardExchanges(), "contactless commands per sale");
        assertEquals(List.of(log), s.readLog(5));
    }

    @Test
    void theSettlementRecordUpdatesAccumulatorsAndCardState() {
        Rig rig = new Rig("in-hospital", dir);
        CardSession s = rig.session();
        s.readCard(Rig.PIN);
        SettlementRecord discharge = new SettlementRecord(Money.ofFen(80_000), Money.ofFen(400_000), 2026,
                Money.ofFen(450_000), Money.ofFen(1_000), Money.ZERO, Optional.of(CardState.NORMAL));
        s.settle(new SettleRequest(Money.ofFen(10_000), discharge, Rig.TIME));
        CardInfo again = rig.session().readCard(Rig.PIN);
        assertEquals(CardState.NORMAL, again.insurance().cardState());
        assertEquals(new Accumulators(2026, Money.ofFen(450_000), Money.ofFen(1_000), Money.ZERO),
                again.accumulators().orElseThrow());
        // a new year starts the accumulators from zero
        CardSession next = rig.session();
        next.readCard(Rig.PIN);
        next.settle(new SettleRequest(Money.ZERO, new SettlementRecord(Money.ZERO, Money.ZERO, 2027, Money.ofFen(7),
                Money.ZERO, Money.ofFen(9), Optional.empty()), Rig.TIME.plusYears(1)));
        assertEquals(new Accumulators(2027, Money.ofFen(7), Money.ZERO, Money.ofFen(9)),
                rig.card.snapshot().accumulators());
    }

    @Test
    void theLogIsCyclicWithThirtyRecordsNewestFirst() {
        Rig rig = new Rig("employee", dir);
        rig.card.durable(false);
        for (int i = 0; i < 32; i++) {
            CardSession s = rig.session();
            s.readCard(Rig.PIN);
            s.settle(new SettleRequest(Money.ofFen(1 + i), SettlementRecord.simple(Money.ZERO, Money.ZERO, 2026),
                    Rig.TIME.plusMinutes(i)));
        }
        List<MedicalLogRecord> log = rig.card.snapshot().log();
        assertEquals(30, log.size());
        assertEquals(31, log.get(0).seq());
        assertEquals(Money.ofFen(32), log.get(0).accountAmount());
        assertEquals(2, log.get(29).seq());
        CardSession s = rig.session();
        s.readCard(Rig.PIN);
        assertEquals(log, s.readLog(30));
    }

    @Test
    void stateSurvivesPowerCyclesAndRestarts() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard(Rig.PIN);
        s.settle(Rig.sale(1_000));
        rig.cardLink.remove();
        rig.cardLink.reinsert();
        VirtualCard restarted = new VirtualCard("employee", dir);
        assertEquals(rig.card.snapshot(), restarted.snapshot());
        assertEquals(Money.ofFen(149_000), restarted.snapshot().balance());
        assertFalse(Files.exists(dir.resolve("card-employee.properties.tmp")));
    }

    @Test
    void aCorruptCardFileIsReportedByName() throws java.io.IOException {
        Files.writeString(dir.resolve("card-employee.properties"), "persona=employee\nbalance=lots\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new VirtualCard("employee", dir));
        assertTrue(e.getMessage().contains("card-employee.properties"), e.getMessage());
    }

    @Test
    void thePsamNeverReusesATerminalSequenceAfterARestart() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard(Rig.PIN);
        long first = s.settle(Rig.sale(1)).debit().terminalSeq();
        VirtualPsam restarted = new VirtualPsam(dir);
        CardSession after = new CardSession(rig.cardLink, new IccTransport(restarted));
        after.readCard(Rig.PIN);
        long second = after.settle(Rig.sale(1)).debit().terminalSeq();
        assertTrue(second > first, first + " then " + second);
    }

    @Test
    void loadWithTheHostMac2() {
        Rig rig = new Rig("low-income", dir);
        CardSession s = rig.session();
        s.readCard();
        IssuerHost host = new IssuerHost(IssuerKeys.test(Algorithm.TDES));
        PendingLoad load = s.initLoad(Money.ofFen(5_000));
        byte[] tac = s.credit(load, Rig.TIME, host.loadMac2(load, Rig.TIME));
        assertTrue(host.verifyLoadTac(load, Rig.TIME, tac));
        CardSnapshot after = rig.card.snapshot();
        assertEquals(Money.ofFen(10_000), after.balance());
        assertEquals(1, after.onlineCounter());
        assertEquals(MedicalLogRecord.LOAD, after.log().get(0).type());
    }

    @Test
    void aForgedLoadMac2IsRefused() {
        Rig rig = new Rig("low-income", dir);
        CardSession s = rig.session();
        s.readCard();
        PendingLoad load = s.initLoad(Money.ofFen(100_000));
        assertEquals(0x9302, assertThrows(cn.yibao.card.CardException.class,
                () -> s.credit(load, Rig.TIME, new byte[4])).statusWord().orElseThrow());
        assertEquals(Money.ofFen(5_000), rig.card.snapshot().balance());
    }

    @Test
    void everyPersonaReadsAndTheCatalogueCoversTheRules() {
        for (Persona p : Personas.all()) {
            Rig rig = new Rig(p.id(), dir);
            CardInfo info = rig.session().readCard();
            assertEquals(p.category(), info.insurance().category(), p.id());
            assertEquals(p.state(), info.insurance().cardState(), p.id());
            assertEquals(p.name(), info.holder().name(), p.id());
            assertEquals(p.balance(), info.purse().balance(), p.id());
        }
        Set<String> ids = Personas.all().stream().map(Persona::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("employee", "employee-retired", "civil-servant", "pool-only",
                "resident-adult", "resident-minor", "student", "low-income", "special-care", "in-hospital",
                "blacklisted", "lost", "arrears", "pin-locked")));
        assertEquals(Set.of(CardState.values()), Personas.all().stream().map(Persona::state)
                .collect(Collectors.toSet()));
        assertThrows(IllegalArgumentException.class, () -> Personas.byId("nobody"));
    }
}
