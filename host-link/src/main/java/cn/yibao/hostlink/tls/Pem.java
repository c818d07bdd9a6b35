package cn.yibao.hostlink.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.util.io.pem.PemObject;

/** PEM files: certificates world-readable, private keys created owner-only (0600) and never logged. */
public final class Pem {

    private Pem() {
    }

    /** Writes {@code obj} (certificate, CSR) as PEM, replacing the file. */
    public static void write(Path file, Object obj) throws IOException {
        Files.writeString(file, encode(obj), StandardCharsets.US_ASCII);
    }

    /** Writes a private key as PKCS#8 PEM into a new file created with permissions 0600. */
    public static void writeKey(Path file, PrivateKey key) throws IOException {
        String pem = encode(new PemObject("PRIVATE KEY", key.getEncoded()));
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("refusing to overwrite key file " + file, e);
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static String encode(Object obj) throws IOException {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            w.writeObject(obj);
        }
        return sw.toString();
    }

    private static Object read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o = p.readObject();
            if (o == null) {
                throw new IOException("no PEM object in " + file);
            }
            return o;
        }
    }

    /** Reads an X.509 certificate. */
    public static X509Certificate readCertificate(Path file) throws IOException {
        Object o = read(file);
        if (!(o instanceof X509CertificateHolder h)) {
            throw new IOException(file + " is not a certificate");
        }
        try {
            return new JcaX509CertificateConverter().setProvider(Crypto.provider()).getCertificate(h);
        } catch (CertificateException e) {
            throw new IOException("bad certificate in " + file, e);
        }
    }

    /** Reads a PKCS#8 private key. */
    public static PrivateKey readKey(Path file) throws IOException {
        Object o = read(file);
        if (!(o instanceof PrivateKeyInfo info)) {
            throw new IOException(file + " is not a PKCS#8 private key");
        }
        return new JcaPEMKeyConverter().setProvider(Crypto.provider()).getPrivateKey(info);
    }

    /** Reads a PKCS#10 certification request. */
    public static PKCS10CertificationRequest readCsr(Path file) throws IOException {
        Object o = read(file);
        if (!(o instanceof PKCS10CertificationRequest csr)) {
            throw new IOException(file + " is not a certification request");
        }
        return csr;
    }
}
