package cn.yibao.terminal.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/** Known-answer tests for SM3 and SM2 (GB/T 32918.2 Annex A example), and sign/verify on sm2p256v1. */
class Sm2Test {

    /** Returns fixed bytes: makes the signer's random k a known value. */
    static final class FixedRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final byte[] bytes;

        FixedRandom(byte[] bytes) {
            this.bytes = bytes.clone();
        }

        @Override
        public void nextBytes(byte[] out) {
            System.arraycopy(bytes, 0, out, 0, out.length);
        }
    }

    private static BigInteger hex(String h) {
        return new BigInteger(h, 16);
    }

    @Test
    void sm3KnownAnswer() {
        SM3Digest sm3 = new SM3Digest();
        byte[] abc = "abc".getBytes(StandardCharsets.US_ASCII);
        sm3.update(abc, 0, abc.length);
        byte[] out = new byte[32];
        sm3.doFinal(out, 0);
        assertEquals("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0", Hex.toHexString(out));
    }

    @Test
    void sm2SignatureKnownAnswerOnTheStandardsTestCurve() {
        ECCurve curve = new ECCurve.Fp(hex("8542D69E4C044F18E8B92435BF6FF7DE457283915C45517D722EDB8B08F1DFC3"),
                hex("787968B4FA32C3FD2417842E73BBFEFF2F3C848B6831D7E0EC65228B3937E498"),
                hex("63E4C6D3B23B0C849CF84241484BFE48F61D59A5B16BA06E6E12D1DA27C5249A"), null, null);
        BigInteger n = hex("8542D69E4C044F18E8B92435BF6FF7DD297720630485628D5AE74EE7C32E79B7");
        ECDomainParameters domain = new ECDomainParameters(curve, curve.createPoint(
                hex("421DEBD61B62EAB6746434EBC3CC315E32220B3BADD50BDC4C4E6C147FEDD43D"),
                hex("0680512BCBB42C07D47349D2153B70C4E5D7FDFCBFA36EA1A85841B9E46E09A2")), n);
        byte[] d = Hex.decode("128B2FA8BD433C6C068C8D803DFF79792A519A55171B1B650C23661D15897263");
        byte[] id = "ALICE123@YAHOO.COM".getBytes(StandardCharsets.US_ASCII);
        byte[] message = "message digest".getBytes(StandardCharsets.US_ASCII);
        byte[] k = Hex.decode("6CB28D99385C175C94F94E934817663FC176D925DD72B727260DBAAE1FB2F96F");

        byte[] signature = Sm2.sign(domain, id, d, message, new FixedRandom(k));

        BigInteger[] rs = decode(n, signature);
        assertEquals(hex("40F1EC59F793D9F49E09DCEF49130D4194F79FB1EED2CAA55BACDB49C4E755D1"), rs[0]);
        assertEquals(hex("6FC6DAC32C5D5CF10C77DFB20F7C2EB667A457872FB09EC56327A67EC7DEEBE7"), rs[1]);
        byte[] q = Sm2.publicKeyOf(domain, d);
        assertTrue(Sm2.verify(domain, id, q, message, signature));
        assertFalse(Sm2.verify(domain, "ALICE123@YAHOO.CN".getBytes(StandardCharsets.US_ASCII), q, message,
                signature));
    }

    private static BigInteger[] decode(BigInteger n, byte[] der) {
        try {
            return StandardDSAEncoding.INSTANCE.decode(n, der);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void signAndVerifyOnSm2p256v1() {
        SecureRandom random = new SecureRandom();
        byte[] d = Sm2.generatePrivateKey(random);
        byte[] q = Sm2.publicKeyOf(d);
        assertEquals(65, q.length);
        byte[] message = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] signature = Sm2.sign(d, message, random);
        assertTrue(Sm2.verify(q, message, signature));
        assertFalse(Sm2.verify(q, "{\"a\":2}".getBytes(StandardCharsets.UTF_8), signature));
        byte[] other = Sm2.publicKeyOf(Sm2.generatePrivateKey(random));
        assertFalse(Sm2.verify(other, message, signature));
        byte[] flipped = signature.clone();
        flipped[flipped.length - 1] ^= 1;
        assertFalse(Sm2.verify(q, message, flipped));
        assertFalse(Sm2.verify(q, message, new byte[] {0x30, 0x00}));
        assertFalse(Sm2.verify(new byte[65], message, signature));
    }

    @Test
    void keysAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> Sm2.publicKeyOf(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> Sm2.publicKeyOf(new byte[32]));
        assertThrows(IllegalArgumentException.class, () -> Sm2.checkPublicKey(new byte[64]));
        byte[] q = Sm2.publicKeyOf(Sm2.generatePrivateKey(new SecureRandom()));
        Sm2.checkPublicKey(q);
        assertArrayEquals(q, q.clone());
    }
}
