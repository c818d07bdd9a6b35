package cn.yibao.hostlink.tls;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * A terminal's key material in its directory. Enrolment has two steps, one on each side:
 * {@link #request} (terminal: generate the P-256 TLS key and the SM2 signing key, write
 * {@code tls.csr} and {@code sign.csr}) and {@link #issue} (host: check the requests, write
 * {@code tls.crt}, {@code sign.crt} and {@code ca.crt}). Keys never leave the terminal's directory.
 */
public final class TerminalCredentials {

    static final String TLS_KEY = "tls.key";
    static final String SIGN_KEY = "sign.key";

    private final String terminalId;
    private final PrivateKey tlsKey;
    private final X509Certificate tlsCert;
    private final PrivateKey signKey;
    private final X509Certificate signCert;
    private final X509Certificate ca;

    private TerminalCredentials(String terminalId, PrivateKey tlsKey, X509Certificate tlsCert, PrivateKey signKey,
                                X509Certificate signCert, X509Certificate ca) {
        this.terminalId = terminalId;
        this.tlsKey = tlsKey;
        this.tlsCert = tlsCert;
        this.signKey = signKey;
        this.signCert = signCert;
        this.ca = ca;
    }

    /** Terminal side: generates both keys (files 0600) and writes the two certification requests. */
    public static void request(Path dir, String terminalId) throws IOException {
        if (!Identities.validTerminalId(terminalId)) {
            throw new IllegalArgumentException("bad terminal id");
        }
        Files.createDirectories(dir);
        KeyPair tls = Crypto.p256();
        KeyPair sign = Crypto.sm2();
        Pem.writeKey(dir.resolve(TLS_KEY), tls.getPrivate());
        Pem.writeKey(dir.resolve(SIGN_KEY), sign.getPrivate());
        Pem.write(dir.resolve("tls.csr"), csr(terminalId, tls, "SHA256withECDSA"));
        Pem.write(dir.resolve("sign.csr"), csr(terminalId, sign, "SM3withSM2"));
    }

    private static PKCS10CertificationRequest csr(String id, KeyPair kp, String alg) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + id), kp.getPublic())
                    .build(new JcaContentSignerBuilder(alg).setProvider(Crypto.provider()).build(kp.getPrivate()));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot build certification request", e);
        }
    }

    /**
     * Host side: issues both certificates for the requests in {@code dir} and writes them there
     * with the CA certificate. Returns the signing certificate, which the host registers.
     */
    public static X509Certificate issue(CertificateAuthority authority, Path dir, String terminalId)
            throws IOException, GeneralSecurityException {
        X509Certificate tls = authority.issueTerminal(Pem.readCsr(dir.resolve("tls.csr")), terminalId, true);
        X509Certificate sign = authority.issueTerminal(Pem.readCsr(dir.resolve("sign.csr")), terminalId, false);
        Pem.write(dir.resolve("tls.crt"), tls);
        Pem.write(dir.resolve("sign.crt"), sign);
        Pem.write(dir.resolve(CertificateAuthority.CA_CERT), authority.certificate());
        return sign;
    }

    /** Loads an enrolled terminal's credentials. */
    public static TerminalCredentials load(Path dir) throws IOException {
        X509Certificate tlsCert = Pem.readCertificate(dir.resolve("tls.crt"));
        return new TerminalCredentials(Identities.commonName(tlsCert), Pem.readKey(dir.resolve(TLS_KEY)), tlsCert,
                Pem.readKey(dir.resolve(SIGN_KEY)), Pem.readCertificate(dir.resolve("sign.crt")),
                Pem.readCertificate(dir.resolve(CertificateAuthority.CA_CERT)));
    }

    /** @return the terminal id (CN of both certificates) */
    public String terminalId() {
        return terminalId;
    }

    /** @return the SM2 record-signing key */
    public PrivateKey signingKey() {
        return signKey;
    }

    /** @return the SM2 record-signing certificate */
    public X509Certificate signingCertificate() {
        return signCert;
    }

    /** @return a TLS 1.3 client context presenting this terminal's certificate */
    public SslContext clientContext() throws SSLException {
        return TlsContexts.client(tlsKey, tlsCert, ca);
    }

    @Override
    public String toString() {
        return "TerminalCredentials[" + terminalId + "]";
    }
}
