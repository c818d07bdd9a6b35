package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Transport;
import cn.yibao.card.apdu.Hex;
import cn.yibao.card.apdu.ResponseApdu;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.PsamCommands;
import cn.yibao.card.session.CardSession;
import cn.yibao.card.session.DebitInFlightException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardSecurityTest {

    @TempDir
    Path dir;

    @Test
    void threeWrongPinsLockTheCard() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard();
        for (int left = 2; left >= 0; left--) {
            CardException e = assertThrows(CardException.class, () -> s.verifyPin("654321"));
            assertEquals(CardError.PIN_WRONG, e.error());
            assertEquals(left, e.pinTriesLeft().orElseThrow());
        }
        CardException locked = assertThrows(CardException.class, () -> s.verifyPin(Rig.PIN));
        assertEquals(CardError.BLOCKED, locked.error());
        assertEquals("密码已锁定，请到医保经办机构解锁", locked.messageZh());
        assertEquals(0, rig.card.snapshot().pinTries());
        // the lock survives a restart of the simulator
        VirtualCard reopened = new VirtualCard("employee", dir);
        assertEquals(0, reopened.snapshot().pinTries());
        assertEquals(CardError.BLOCKED, assertThrows(CardException.class,
                () -> new CardSession(new IccTransport(reopened), rig.psamLink).readCard(Rig.PIN)).error());
    }

    @Test
    void aRightPinResetsTheTries() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard();
        assertThrows(CardException.class, () -> s.verifyPin("000000"));
        s.verifyPin(Rig.PIN);
        assertEquals(3, rig.card.snapshot().pinTries());
    }

    @Test
    void thePinLockedPersonaIsLocked() {
        Rig rig = new Rig("pin-locked", dir);
        CardSession s = rig.session();
        assertEquals(0, s.readCard().pinTriesLeft());
        assertEquals(CardError.BLOCKED, assertThrows(CardException.class, () -> s.verifyPin(Rig.PIN)).error());
    }

    @Test
    void changePinNeedsTheOldOne() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard();
        assertEquals(CardError.PIN_WRONG, assertThrows(CardException.class, () -> s.changePin("111111", "2468"))
                .error());
        s.changePin(Rig.PIN, "2468");
        s.verifyPin("2468");
        assertEquals(CardError.PIN_WRONG, assertThrows(CardException.class, () -> s.verifyPin(Rig.PIN)).error());
    }

    @Test
    void aBadMac1IsRefusedWithTheBalanceUnchanged() {
        Rig rig = new Rig("employee", dir);
        Transport corruptingPsam = command -> {
            byte[] r = rig.psamLink.transceive(command);
            if ((command[1] & 0xFF) == PsamCommands.INIT_SAM_PURCHASE) {
                r[7] ^= 0x01;
            }
            return r;
        };
        CardSession s = new CardSession(rig.cardLink, corruptingPsam);
        s.readCard(Rig.PIN);
        CardSnapshot before = rig.card.snapshot();
        CardException e = assertThrows(CardException.class, () -> s.settle(Rig.sale(1_000)));
        assertEquals(CardError.MAC_INVALID, e.error());
        assertEquals(0x9302, e.statusWord().orElseThrow());
        assertTrue(DebitInFlightException.of(e).isEmpty(), "a refused DEBIT leaves nothing to recover");
        assertEquals(before, rig.card.snapshot());
    }

    @Test
    void insufficientBalanceIsRefused() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard(Rig.PIN);
        CardSnapshot before = rig.card.snapshot();
        CardException e = assertThrows(CardException.class, () -> s.settle(Rig.sale(150_001)));
        assertEquals(CardError.INSUFFICIENT_BALANCE, e.error());
        assertEquals(0x9401, e.statusWord().orElseThrow());
        assertEquals("个人账户余额不足", e.messageZh());
        assertEquals(before, rig.card.snapshot());
    }

    @Test
    void purchaseNeedsThePin() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard();
        assertEquals(CardError.SECURITY_NOT_SATISFIED,
                assertThrows(CardException.class, () -> s.settle(Rig.sale(100))).error());
    }

    @Test
    void protectedDataNeedsExternalAuthentication() {
        Rig rig = new Rig("employee", dir);
        assertEquals(0x9000, sw(rig, CardCommands.selectSsse().bytes()));
        assertEquals(0x6982, sw(rig, CardCommands.readMedical(false).bytes()));
        assertEquals(0x6984, sw(rig, CardCommands.externalAuthenticate(new byte[8]).bytes()));
        assertEquals(0x9000, sw(rig, CardCommands.selectSsse().bytes()));
        assertEquals(0x6300, sw(rig, CardCommands.externalAuthenticate(new byte[8]).bytes()));
        assertEquals(0x6982, sw(rig, CardCommands.readMedical(false).bytes()));
    }

    @Test
    void debitOutOfSequenceIs6901() {
        Rig rig = new Rig("employee", dir);
        CardSession s = rig.session();
        s.readCard(Rig.PIN);
        byte[] debit = CardCommands.debit(1, Rig.TIME, new byte[4], null).bytes();
        assertEquals(0x6901, sw(rig, debit));
    }

    @Test
    void unknownCommandsGetTypedStatusWords() {
        Rig rig = new Rig("employee", dir);
        assertEquals(0x6985, sw(rig, Hex.parse("80B4000000")));
        assertEquals(0x6A82, sw(rig, Hex.parse("00A4040006D15600000503")));
        assertEquals(0x9000, sw(rig, CardCommands.selectSsse().bytes()));
        assertEquals(0x6D00, sw(rig, Hex.parse("00EE0000")));
        assertEquals(0x6E00, sw(rig, Hex.parse("A0B0000000")));
        assertEquals(0x6700, sw(rig, Hex.parse("00A404")));
        assertEquals(0x9406, sw(rig, CardCommands.getProve(CardCommands.TTI_PURCHASE, 0).bytes()));
    }

    private static int sw(Rig rig, byte[] command) {
        return ResponseApdu.parse(rig.cardLink.transceive(command)).sw();
    }
}
