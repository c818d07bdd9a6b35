package cn.yibao.hostlink.record;

import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;

/** SM3withSM2 signatures (BC lightweight API, default user id {@code 1234567812345678}, DER encoding). */
public final class Sm2 {

    private Sm2() {
    }

    /** @return the DER signature of {@code message} */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            SM2Signer s = new SM2Signer();
            s.init(true, new ParametersWithRandom(ECUtil.generatePrivateKeyParameter(key)));
            s.update(message, 0, message.length);
            return s.generateSignature();
        } catch (InvalidKeyException | CryptoException e) {
            throw new IllegalArgumentException("cannot sign with this key", e);
        }
    }

    /** @return true when {@code signature} is a valid SM2 signature of {@code message} under {@code key} */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            SM2Signer s = new SM2Signer();
            s.init(false, ECUtil.generatePublicKeyParameter(key));
            s.update(message, 0, message.length);
            return s.verifySignature(signature);
        } catch (InvalidKeyException | RuntimeException e) {
            return false;
        }
    }
}
