package cn.yibao.hostlink.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.tls.Crypto;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * SM2 known answer (GB/T 32918.2 Annex A example), sign/verify with raw keys on sm2p256v1 (policy
 * packs) and with JCA keys (signed records), checked against the JCA {@code SM3withSM2}.
 */
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

    @Test
    void sm2SignatureVerifiesWithTheJcaSm3WithSm2AndDefaultId() throws Exception {
        KeyPair kp = Crypto.sm2();
        byte[] msg = "settlement".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Sm2.sign(kp.getPrivate(), msg);
        Signature jca = Signature.getInstance("SM3withSM2", Crypto.provider());
        jca.initVerify(kp.getPublic());
        jca.update(msg);
        assertTrue(jca.verify(sig));
        assertTrue(Sm2.verify(kp.getPublic(), msg, sig));
    }

    @Test
    void sm2RejectsOtherMessageOtherKeyAndGarbage() {
        KeyPair kp = Crypto.sm2();
        byte[] msg = "settlement".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Sm2.sign(kp.getPrivate(), msg);
        assertFalse(Sm2.verify(kp.getPublic(), "settlemenT".getBytes(StandardCharsets.UTF_8), sig));
        assertFalse(Sm2.verify(Crypto.sm2().getPublic(), msg, sig));
        assertFalse(Sm2.verify(kp.getPublic(), msg, new byte[] {0x30, 0x02, 0x01}));
    }

    @Test
    void aJcaKeySignatureVerifiesUnderTheRawPublicPoint() {
        KeyPair kp = Crypto.sm2();
        byte[] msg = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        byte[] sig = Sm2.sign(kp.getPrivate(), msg);
        byte[] q = ((ECPublicKey) kp.getPublic()).getQ().getEncoded(false);
        Sm2.checkPublicKey(q);
        assertTrue(Sm2.verify(q, msg, sig));
    }
}
