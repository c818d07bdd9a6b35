package cn.yibao.simulator.host;

import cn.yibao.hostlink.tls.Crypto;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The terminals' signing keys as the database holds them now (a terminal re-enrolled through
 * another host instance gets its new key here at once), decoded from the enrolled certificates;
 * a decoding is kept while the certificate is the same.
 */
final class SigningKeys {

    /** Decoded signing keys by terminal, with the certificate they were decoded from. */
    private final Map<String, Enrolled> keys = new ConcurrentHashMap<>();

    private record Enrolled(byte[] der, PublicKey key) {
    }

    /** @return the terminal's signing key as enrolled, inside the transaction of {@code c} */
    Optional<PublicKey> of(Connection c, String terminal) {
        byte[] der = Terminals.signCert(c, terminal);
        if (der == null) {
            return Optional.empty();
        }
        Enrolled known = keys.get(terminal);
        if (known != null && Arrays.equals(known.der(), der)) {
            return Optional.of(known.key());
        }
        try {
            // Bouncy Castle's factory: the JDK's cannot decode an SM2 (sm2p256v1) public key
            PublicKey k = CertificateFactory.getInstance("X.509", Crypto.provider())
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            keys.put(terminal, new Enrolled(der, k));
            return Optional.of(k);
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }
}
