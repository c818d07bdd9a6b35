package cn.yibao.hostlink.tls;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider (registered once, after the JDK's) and key generation. */
public final class Crypto {

    private static final Provider BC;

    static {
        Provider p = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (p == null) {
            p = new BouncyCastleProvider();
            Security.addProvider(p);
        }
        BC = p;
    }

    private Crypto() {
    }

    /** @return the Bouncy Castle provider */
    public static Provider provider() {
        return BC;
    }

    /** @return a new P-256 key pair (TLS identities and the CA) */
    public static KeyPair p256() {
        return generate("secp256r1");
    }

    /** @return a new SM2 key pair (record signing) */
    public static KeyPair sm2() {
        return generate("sm2p256v1");
    }

    private static KeyPair generate(String curve) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC", BC);
            g.initialize(new ECGenParameterSpec(curve));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate " + curve + " key", e);
        }
    }
}
