package cn.yibao.hostlink.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The host's certificate authority (P-256 ECDSA), created on first start in its directory as
 * {@code ca.key} (0600) and {@code ca.crt}. It issues the host's TLS certificate and, at
 * enrolment, each terminal's TLS certificate and its SM2 record-signing certificate.
 */
public final class CertificateAuthority {

    /** File name of the CA certificate. */
    public static final String CA_CERT = "ca.crt";
    /** File name of the CA key. */
    public static final String CA_KEY = "ca.key";

    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PrivateKey key;
    private final X509Certificate cert;

    private CertificateAuthority(PrivateKey key, X509Certificate cert) {
        this.key = key;
        this.cert = cert;
    }

    /** Loads the CA from {@code dir}, creating it (key and self-signed certificate) if absent. */
    public static CertificateAuthority loadOrCreate(Path dir, String name) throws IOException {
        Path k = dir.resolve(CA_KEY);
        Path c = dir.resolve(CA_CERT);
        if (Files.exists(k) && Files.exists(c)) {
            return new CertificateAuthority(Pem.readKey(k), Pem.readCertificate(c));
        }
        Files.createDirectories(dir);
        KeyPair kp = Crypto.p256();
        X500Name subject = new X500Name("CN=" + name + ",O=yibao host CA");
        X509v3CertificateBuilder b = builder(subject, subject, kp.getPublic());
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        X509Certificate self = sign(b, kp.getPrivate());
        Pem.writeKey(k, kp.getPrivate());
        Pem.write(c, self);
        return new CertificateAuthority(kp.getPrivate(), self);
    }

    /** @return the CA certificate (the trust anchor of both sides) */
    public X509Certificate certificate() {
        return cert;
    }

    /** Issues a TLS server certificate for the host with DNS and IP subject alternative names. */
    public X509Certificate issueServer(PublicKey pub, String cn, List<String> names) {
        X509v3CertificateBuilder b = builder(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
                new X500Name("CN=" + cn), pub);
        List<GeneralName> sans = new ArrayList<>();
        for (String n : names) {
            sans.add(isIp(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(sans.toArray(GeneralName[]::new)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sign(b, key);
    }

    /**
     * Issues a terminal certificate from its certification request after checking the request's
     * own signature and that its CN is {@code terminalId}. {@code tls} selects client-auth usage
     * (P-256) or record signing (SM2, non-repudiation).
     */
    public X509Certificate issueTerminal(PKCS10CertificationRequest csr, String terminalId, boolean tls)
            throws GeneralSecurityException {
        try {
            JcaPKCS10CertificationRequest req = new JcaPKCS10CertificationRequest(csr).setProvider(Crypto.provider());
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Crypto.provider())
                    .build(csr.getSubjectPublicKeyInfo()))) {
                throw new GeneralSecurityException("certification request signature invalid");
            }
            String cn = Identities.commonName(req.getSubject().toString());
            if (!terminalId.equals(cn)) {
                throw new GeneralSecurityException("certification request is for " + cn + ", not " + terminalId);
            }
            X509v3CertificateBuilder b = builder(X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()),
                    new X500Name("CN=" + terminalId + ",OU=" + (tls ? "tls" : "sign")), req.getPublicKey());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true,
                    new KeyUsage(tls ? KeyUsage.digitalSignature : KeyUsage.nonRepudiation));
            if (tls) {
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
            }
            return sign(b, key);
        } catch (OperatorCreationException | PKCSException | IOException e) {
            throw new GeneralSecurityException("bad certification request", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey pub) {
        Instant now = Instant.now();
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pub);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey signer) {
        try {
            return new JcaX509CertificateConverter().setProvider(Crypto.provider()).getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(Crypto.provider()).build(signer)));
        } catch (OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IllegalStateException("cannot sign certificate", e);
        }
    }

    private static boolean isIp(String n) {
        if (!n.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return false;
        }
        try {
            InetAddress.getByName(n);
            return true;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
