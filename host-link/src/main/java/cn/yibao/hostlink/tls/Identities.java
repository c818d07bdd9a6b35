package cn.yibao.hostlink.tls;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.regex.Pattern;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** Terminal identities: the CN of a certificate, and the rule for what a terminal id may be. */
public final class Identities {

    private static final Pattern TERMINAL_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    private Identities() {
    }

    /** @return true when {@code id} is a valid terminal id (1–32 of {@code [A-Za-z0-9_-]}) */
    public static boolean validTerminalId(String id) {
        return id != null && TERMINAL_ID.matcher(id).matches();
    }

    /** @return the CN of an X.500 name in string form, or empty */
    public static String commonName(String x500) {
        RDN[] cn = new X500Name(x500).getRDNs(BCStyle.CN);
        return cn.length == 0 ? "" : IETFUtils.valueToString(cn[0].getFirst().getValue());
    }

    /** @return the CN of a certificate's subject */
    public static String commonName(X509Certificate c) {
        return commonName(X500Name.getInstance(c.getSubjectX500Principal().getEncoded()).toString());
    }

    /** @return the terminal id proven by the peer's TLS certificate */
    public static String peerTerminal(SSLSession session) throws SSLPeerUnverifiedException {
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate leaf)) {
            throw new SSLPeerUnverifiedException("no peer certificate");
        }
        String cn = commonName(leaf);
        if (!validTerminalId(cn)) {
            throw new SSLPeerUnverifiedException("peer certificate CN is not a terminal id");
        }
        return cn;
    }
}
