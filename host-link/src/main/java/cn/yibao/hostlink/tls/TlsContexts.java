package cn.yibao.hostlink.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.net.ssl.SSLException;

/** Netty SSL contexts of the link: TLS 1.3 only, mutual authentication against the host's CA. */
public final class TlsContexts {

    /** The only protocol the link speaks. */
    public static final String PROTOCOL = "TLSv1.3";

    private TlsContexts() {
    }

    /** A server context requiring a client certificate issued by {@code ca}. */
    public static SslContext server(PrivateKey key, X509Certificate cert, X509Certificate ca) throws SSLException {
        return SslContextBuilder.forServer(jdkKey(key), jdkCert(cert))
                .trustManager(jdkCert(ca))
                .clientAuth(ClientAuth.REQUIRE)
                .protocols(PROTOCOL)
                .sslProvider(SslProvider.JDK)
                .build();
    }

    /** A client context presenting {@code cert} and trusting only {@code ca}; hostnames are verified. */
    public static SslContext client(PrivateKey key, X509Certificate cert, X509Certificate ca) throws SSLException {
        return SslContextBuilder.forClient()
                .keyManager(jdkKey(key), jdkCert(cert))
                .trustManager(jdkCert(ca))
                .protocols(PROTOCOL)
                .sslProvider(SslProvider.JDK)
                .build();
    }

    /** Re-creates a key with the JDK's own provider so that JSSE signs with SunEC. */
    static PrivateKey jdkKey(PrivateKey k) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(k.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("TLS key must be an EC (P-256) key", e);
        }
    }

    /** Re-creates a certificate with the JDK's own provider. */
    static X509Certificate jdkCert(X509Certificate c) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad certificate", e);
        }
    }
}
