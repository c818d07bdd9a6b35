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

    /**
     * A terminal's enrolment: the signing certificate as the database holds it (DER) and its key.
     *
     * @param der the certificate, compared byte by byte with what the store holds when records are written
     */
    record Enrolled(byte[] der, PublicKey key) {
    }

    /** @return the terminal's signing key as enrolled, inside the transaction of {@code c} */
    Optional<PublicKey> of(Connection c, String terminal) {
        return enrolment(c, terminal).map(Enrolled::key);
    }

    /** @return the terminal's enrolment inside the transaction of {@code c}, empty if none (or undecodable) */
    Optional<Enrolled> enrolment(Connection c, String terminal) {
        return decoded(terminal, Terminals.signCert(c, terminal));
    }

    /** @return the enrolment of {@code terminal} as last decoded here, if any (it may be stale) */
    Optional<Enrolled> known(String terminal) {
        return Optional.ofNullable(keys.get(terminal));
    }

    /** @return the enrolment of {@code terminal} with the certificate {@code der} (null: not enrolled) */
    Optional<Enrolled> decoded(String terminal, byte[] der) {
        if (der == null) {
            return Optional.empty();
        }
        Enrolled known = keys.get(terminal);
        if (known != null && Arrays.equals(known.der(), der)) {
            return Optional.of(known);
        }
        try {
            // Bouncy Castle's factory: the JDK's cannot decode an SM2 (sm2p256v1) public key
            PublicKey k = CertificateFactory.getInstance("X.509", Crypto.provider())
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            Enrolled e = new Enrolled(der, k);
            keys.put(terminal, e);
            return Optional.of(e);
        } catch (CertificateException e) {
            return Optional.empty();
        }
    }
}
