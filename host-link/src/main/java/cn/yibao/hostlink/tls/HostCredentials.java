package cn.yibao.hostlink.tls;

import io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLException;

/**
 * The host's key material in its directory: the CA ({@code ca.key}, {@code ca.crt}) and the
 * host's TLS identity ({@code host.key}, {@code host.crt}), all created on first start.
 */
public final class HostCredentials {

    private final CertificateAuthority ca;
    private final PrivateKey key;
    private final X509Certificate cert;

    private HostCredentials(CertificateAuthority ca, PrivateKey key, X509Certificate cert) {
        this.ca = ca;
        this.key = key;
        this.cert = cert;
    }

    /** Loads or creates the CA and the host identity; {@code names} become the host certificate's SANs. */
    public static HostCredentials loadOrCreate(Path dir, List<String> names) throws IOException {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir, "yibao host CA");
        Path k = dir.resolve("host.key");
        Path c = dir.resolve("host.crt");
        if (Files.exists(k) && Files.exists(c)) {
            return new HostCredentials(ca, Pem.readKey(k), Pem.readCertificate(c));
        }
        KeyPair kp = Crypto.p256();
        X509Certificate cert = ca.issueServer(kp.getPublic(), "yibao-host", names);
        Pem.writeKey(k, kp.getPrivate());
        Pem.write(c, cert);
        return new HostCredentials(ca, kp.getPrivate(), cert);
    }

    /** @return the CA */
    public CertificateAuthority ca() {
        return ca;
    }

    /** @return a TLS 1.3 server context requiring CA-issued client certificates */
    public SslContext serverContext() throws SSLException {
        return TlsContexts.server(key, cert, ca.certificate());
    }

    @Override
    public String toString() {
        return "HostCredentials[" + Identities.commonName(cert) + "]";
    }
}
