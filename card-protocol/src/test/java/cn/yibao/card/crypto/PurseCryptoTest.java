package cn.yibao.card.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.apdu.Hex;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
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

    /** Our SM4 variant's vector (docs/card-application.md §6), cross-checked with Python cryptography's SM4. */
    @Test
    void sm4VariantVector() {
        byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
        byte[] sespk = PurseCrypto.sessionKey(Algorithm.SM4, key, Hex.parse("1122334400000001"));
        assertEquals("B1CFDB22E3791C58EFCAB8F3CADBD25E", Hex.of(sespk));
        assertEquals("38E245B4", Hex.of(PurseCrypto.mac(Algorithm.SM4, sespk,
                Hex.parse("00001000 06 001122334455 20120229135100"))));
        assertEquals("6283EAE0", Hex.of(PurseCrypto.mac(Algorithm.SM4, sespk, Hex.parse("00001000"))));
        assertEquals("D3227F3E16DEC5B9EBCFEAE1AE6F2B81",
                Hex.of(PurseCrypto.diversify(Algorithm.SM4, key, Hex.parse("2201000000000001"))));
    }

    @Test
    void sm4EngineMatchesGbt32907Example() {
        byte[] key = Hex.parse("0123456789ABCDEFFEDCBA9876543210");
        // serial ‖ NOT serial with serial = the key's left half is the key itself: E_K(K), example 1
        assertEquals("681EDF34D206965E86B3E94F536E4246",
                Hex.of(PurseCrypto.diversify(Algorithm.SM4, key, Hex.parse("0123456789ABCDEF"))));
    }

    @Test
    void tdesDiversificationIsEncryptionOfSerialAndItsComplement() {
        byte[] mk = Hex.parse("11223344556677888877665544332211");
        byte[] dk = PurseCrypto.diversify(Algorithm.TDES, mk, Hex.parse("1122334400000001"));
        assertEquals("003238ABC57659DD", Hex.of(java.util.Arrays.copyOf(dk, 8)));
    }

    @Test
    void tacKeyIsXorOfHalvesFor3desAndDtkForSm4() {
        byte[] dtk = Hex.parse("0102030405060708F0F0F0F0F0F0F0F0");
        assertEquals("F1F2F3F4F5F6F7F8", Hex.of(PurseCrypto.tacKey(Algorithm.TDES, dtk)));
        assertEquals(Hex.of(dtk), Hex.of(PurseCrypto.tacKey(Algorithm.SM4, dtk)));
    }

    /**
     * ISO 9797-1 padding method 2 always pads: data that fills its blocks gets one whole block
     * {@code 80 00…00} more. The MAC of a full block is the CBC-MAC, without padding, of that block
     * and the extra block, here computed by the bare block cipher; the known answers were
     * cross-checked with {@code openssl enc -des-cbc -nopad -iv 0 -K 003238ABC57659DD -provider legacy}
     * (and {@code -sm4-cbc}) over the data followed by {@code 80 00…00}.
     */
    @Test
    void macPadsAFullBlockWithAnotherBlock() {
        byte[] desKey = Hex.parse("003238ABC57659DD");
        byte[] eight = Hex.parse("0000000000000000");
        assertEquals("E253882F", Hex.of(PurseCrypto.mac(Algorithm.TDES, desKey, eight)));
        assertEquals(Hex.of(cbcMacWithoutPadding(new DESEngine(), desKey, Hex.parse("0000000000000000 8000000000000000"))),
                Hex.of(PurseCrypto.mac(Algorithm.TDES, desKey, eight)));
        assertEquals("C941AA0C", Hex.of(PurseCrypto.mac(Algorithm.TDES, desKey, Hex.parse("1122334455667788"))));

        byte[] sm4Key = Hex.parse("B1CFDB22E3791C58EFCAB8F3CADBD25E");
        byte[] sixteen = new byte[16];
        assertEquals("844C6A03", Hex.of(PurseCrypto.mac(Algorithm.SM4, sm4Key, sixteen)));
        assertEquals(Hex.of(cbcMacWithoutPadding(new SM4Engine(), sm4Key,
                        Hex.parse("00000000000000000000000000000000 80000000000000000000000000000000"))),
                Hex.of(PurseCrypto.mac(Algorithm.SM4, sm4Key, sixteen)));
    }

    /** @return the left 4 bytes of the CBC encryption (IV 0) of {@code data}, whole blocks, by the bare cipher */
    private static byte[] cbcMacWithoutPadding(BlockCipher cipher, byte[] key, byte[] data) {
        cipher.init(true, new KeyParameter(key));
        int block = cipher.getBlockSize();
        byte[] chain = new byte[block];
        for (int off = 0; off < data.length; off += block) {
            for (int i = 0; i < block; i++) {
                chain[i] ^= data[off + i];
            }
            cipher.processBlock(chain, 0, chain, 0);
        }
        return java.util.Arrays.copyOf(chain, 4);
    }
}
