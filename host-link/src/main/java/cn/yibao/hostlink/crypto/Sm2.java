package cn.yibao.hostlink.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.CryptoServicesRegistrar;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/**
 * SM2 signatures with SM3 (GB/T 32918.2, {@code SM3withSM2}) with the default user ID
 * {@code 1234567812345678} (GM/T 0009); signatures are DER {@code SEQUENCE {r, s}}. Keys come in two
 * forms: JCA keys (the signed records: terminal keys in PKCS#8/X.509 files) and raw keys on the curve
 * sm2p256v1 (the policy packs: a 32-byte private scalar and a 65-byte uncompressed public point
 * {@code 04 || X || Y}). Both go through the same signer.
 */
public final class Sm2 {

    /** The default signer identity of GM/T 0009. */
    public static final byte[] DEFAULT_ID = "1234567812345678".getBytes(StandardCharsets.US_ASCII);

    private static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);

    private Sm2() {
    }

    /** @return the DER signature of {@code message} with a JCA SM2 private key */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            ECPrivateKeyParameters params = (ECPrivateKeyParameters) ECUtil.generatePrivateKeyParameter(key);
            return signWith(params, DEFAULT_ID, message, CryptoServicesRegistrar.getSecureRandom());
        } catch (InvalidKeyException | CryptoException e) {
            throw new IllegalArgumentException("cannot sign with this key", e);
        }
    }

    /** @return true when {@code signature} is a valid SM2 signature of {@code message} under a JCA key */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            ECPublicKeyParameters params = (ECPublicKeyParameters) ECUtil.generatePublicKeyParameter(key);
            return verifyWith(params, DEFAULT_ID, message, signature);
        } catch (InvalidKeyException | RuntimeException e) {
            return false;
        }
    }

    /** @return the public point of a raw {@code privateKey}, uncompressed (65 bytes) */
    public static byte[] publicKeyOf(byte[] privateKey) {
        return publicKeyOf(DOMAIN, privateKey);
    }

    static byte[] publicKeyOf(ECDomainParameters domain, byte[] privateKey) {
        BigInteger d = scalar(domain, privateKey);
        return domain.getG().multiply(d).normalize().getEncoded(false);
    }

    /** @return a fresh raw private scalar (32 bytes) in [1, n−1] */
    public static byte[] generatePrivateKey(SecureRandom random) {
        BigInteger n = DOMAIN.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n.subtract(BigInteger.ONE)) >= 0);
        return fixed32(d);
    }

    /** Signs {@code message} with a raw private key (the SM3 digest with Z is computed inside). */
    public static byte[] sign(byte[] privateKey, byte[] message, SecureRandom random) {
        return sign(DOMAIN, DEFAULT_ID, privateKey, message, random);
    }

    static byte[] sign(ECDomainParameters domain, byte[] id, byte[] privateKey, byte[] message,
            SecureRandom random) {
        ECPrivateKeyParameters key = new ECPrivateKeyParameters(scalar(domain, privateKey), domain);
        try {
            return signWith(key, id, message, random);
        } catch (CryptoException e) {
            throw new IllegalStateException("SM2 signing failed", e);
        }
    }

    /** @return whether {@code signature} is a valid SM2 signature of {@code message} by a raw {@code publicKey} */
    public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
        return verify(DOMAIN, DEFAULT_ID, publicKey, message, signature);
    }

    static boolean verify(ECDomainParameters domain, byte[] id, byte[] publicKey, byte[] message,
            byte[] signature) {
        ECPublicKeyParameters key;
        try {
            key = new ECPublicKeyParameters(domain.getCurve().decodePoint(publicKey), domain);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return verifyWith(key, id, message, signature);
    }

    /** Checks that {@code publicKey} is a valid raw uncompressed point on sm2p256v1. */
    public static void checkPublicKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != 65 || publicKey[0] != 0x04) {
            throw new IllegalArgumentException("SM2 public key: 65 bytes 04||X||Y required");
        }
        CURVE.getCurve().decodePoint(publicKey);
    }

    private static byte[] signWith(ECPrivateKeyParameters key, byte[] id, byte[] message, SecureRandom random)
            throws CryptoException {
        SM2Signer signer = new SM2Signer();
        signer.init(true, new ParametersWithID(new ParametersWithRandom(key, random), id));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static boolean verifyWith(ECPublicKeyParameters key, byte[] id, byte[] message, byte[] signature) {
        SM2Signer signer = new SM2Signer();
        signer.init(false, new ParametersWithID(key, id));
        signer.update(message, 0, message.length);
        return signer.verifySignature(signature);
    }

    private static BigInteger scalar(ECDomainParameters domain, byte[] privateKey) {
        if (privateKey == null || privateKey.length != 32) {
            throw new IllegalArgumentException("SM2 private key: 32 bytes required");
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(domain.getN()) >= 0) {
            throw new IllegalArgumentException("SM2 private key out of range");
        }
        return d;
    }

    private static byte[] fixed32(BigInteger d) {
        byte[] raw = d.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }
}
