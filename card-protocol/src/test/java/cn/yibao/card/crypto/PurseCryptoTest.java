package cn.yibao.card.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.apdu.Hex;
import org.junit.jupiter.api.Test;

class PurseCryptoTest {

    private static final byte[] DPK = Hex.parse("11223344556677888877665544332211");

    @Test
    void jrt0025PurchaseVector() {
        byte[] sespk = PurseCrypto.sessionKey(Algorithm.TDES, DPK, Hex.parse("1122334400000001"));
        assertEquals("003238ABC57659DD", Hex.of(sespk));
        assertEquals("F15CAB75", Hex.of(PurseCrypto.mac(Algorithm.TDES, sespk,
                Hex.parse("00001000 06 001122334455 20120229135100"))));
        assertEquals("56988A13", Hex.of(PurseCrypto.mac(Algorithm.TDES, sespk, Hex.parse("00001000"))));
    }

    @Test
    void purchaseSessionKeyUsesLowTwoBytesOfTerminalSeq() {
        byte[] viaHelper = PurseCrypto.purchaseSessionKey(Algorithm.TDES, DPK, Hex.parse("11223344"), 0, 0x00010001L);
        assertEquals("003238ABC57659DD", Hex.of(viaHelper));
    }
}
