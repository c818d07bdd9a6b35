package cn.yibao.card.crypto;

import cn.yibao.card.apdu.Bytes;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;

/**
 * The purse cryptography of JR/T 0025.2 appendix B, and its SM4 variant.
 *
 * <ul>
 *   <li>Diversification: 3DES {@code DK = 3DES_MK(serial) ‖ 3DES_MK(NOT serial)}; SM4
 *       {@code DK = SM4_MK(serial ‖ NOT serial)}.</li>
 *   <li>Session keys: 3DES {@code E_DK(input)} of 8 bytes; SM4 {@code E_DK(input ‖ 00×8)}.</li>
 *   <li>MAC/TAC: CBC with IV 0 and ISO 9797-1 padding 2 (always {@code 80 00…}), left 4 bytes;
 *       single DES with an 8-byte key, SM4 with a 16-byte key.</li>
 *   <li>TAC key: 3DES {@code DTK_left XOR DTK_right}; SM4 {@code DTK} itself.</li>
 * </ul>
 */
public final class PurseCrypto {

    private PurseCrypto() {
    }

    /** Diversifies a 16-byte master key by the 8-byte application serial. */
    public static byte[] diversify(Algorithm alg, byte[] masterKey, byte[] serial) {
        check(masterKey, 16, "master key");
        check(serial, 8, "serial");
        byte[] not = new byte[8];
        for (int i = 0; i < 8; i++) {
            not[i] = (byte) ~serial[i];
        }
        BlockCipher cipher = alg.cardKeyCipher(masterKey, true);
        if (alg == Algorithm.TDES) {
            return Bytes.concat(ecb(cipher, serial), ecb(cipher, not));
        }
        return ecb(cipher, Bytes.concat(serial, not));
    }

    /** SESPK from DPK: input is random(4) ‖ offline seq(2) ‖ low 2 bytes of terminal seq. */
    public static byte[] purchaseSessionKey(Algorithm alg, byte[] dpk, byte[] random, int offlineSeq, long terminalSeq) {
        check(random, 4, "random");
        return sessionKey(alg, dpk, Bytes.concat(random, Bytes.be(offlineSeq, 2), Bytes.be(terminalSeq, 2)));
    }

    /** SESLK from DLK: input is random(4) ‖ online seq(2) ‖ 8000. */
    public static byte[] loadSessionKey(Algorithm alg, byte[] dlk, byte[] random, int onlineSeq) {
        check(random, 4, "random");
        return sessionKey(alg, dlk, Bytes.concat(random, Bytes.be(onlineSeq, 2), new byte[] {(byte) 0x80, 0}));
    }

    /** Derives a session key from an 8-byte input (8 bytes for 3DES, 16 for SM4). */
    public static byte[] sessionKey(Algorithm alg, byte[] cardKey, byte[] input8) {
        check(cardKey, 16, "card key");
        check(input8, 8, "session input");
        BlockCipher cipher = alg.cardKeyCipher(cardKey, true);
        return alg == Algorithm.TDES ? ecb(cipher, input8) : ecb(cipher, Bytes.concat(input8, new byte[8]));
    }

    /** @return the TAC key for a DTK */
    public static byte[] tacKey(Algorithm alg, byte[] dtk) {
        check(dtk, 16, "DTK");
        if (alg == Algorithm.SM4) {
            return dtk.clone();
        }
        byte[] key = new byte[8];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (dtk[i] ^ dtk[i + 8]);
        }
        return key;
    }

    /** @return the 4-byte MAC of {@code data} under a session or TAC key */
    public static byte[] mac(Algorithm alg, byte[] key, byte[] data) {
        check(key, alg == Algorithm.TDES ? 8 : 16, "MAC key");
        int block = alg.blockSize();
        int padded = (data.length / block + 1) * block;
        byte[] input = Arrays.copyOf(data, padded);
        input[data.length] = (byte) 0x80;
        BlockCipher cipher = alg.macCipher(key);
        byte[] chain = new byte[block];
        for (int off = 0; off < padded; off += block) {
            for (int i = 0; i < block; i++) {
                chain[i] ^= input[off + i];
            }
            cipher.processBlock(chain, 0, chain, 0);
        }
        return Arrays.copyOf(chain, 4);
    }

    /**
     * The 8-byte cryptogram for EXTERNAL AUTHENTICATE: 3DES {@code E_RK(challenge)}; SM4 the left
     * 8 bytes of {@code E_RK(challenge ‖ 80 00…00)}.
     */
    public static byte[] externalAuthCryptogram(Algorithm alg, byte[] rk, byte[] challenge) {
        check(rk, 16, "RK");
        check(challenge, 8, "challenge");
        BlockCipher cipher = alg.cardKeyCipher(rk, true);
        if (alg == Algorithm.TDES) {
            return ecb(cipher, challenge);
        }
        byte[] block = Arrays.copyOf(challenge, 16);
        block[8] = (byte) 0x80;
        return Arrays.copyOf(ecb(cipher, block), 8);
    }

    /** @return whether two MACs are equal, in constant time */
    public static boolean same(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    private static byte[] ecb(BlockCipher cipher, byte[] in) {
        byte[] out = new byte[in.length];
        for (int off = 0; off < in.length; off += cipher.getBlockSize()) {
            cipher.processBlock(in, off, out, off);
        }
        return out;
    }

    private static void check(byte[] value, int length, String what) {
        if (value == null || value.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes");
        }
    }
}
