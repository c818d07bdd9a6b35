package cn.yibao.hostlink.record;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905) digests. */
public final class Sm3 {

    /** Digest length in bytes. */
    public static final int LENGTH = 32;

    private Sm3() {
    }

    /** @return SM3 of the concatenation of {@code parts} */
    public static byte[] hash(byte[]... parts) {
        SM3Digest d = new SM3Digest();
        for (byte[] p : parts) {
            d.update(p, 0, p.length);
        }
        byte[] out = new byte[LENGTH];
        d.doFinal(out, 0);
        return out;
    }

    /** @return SM3 of the UTF-8 bytes of {@code text} */
    public static byte[] hash(String text) {
        return hash(text.getBytes(StandardCharsets.UTF_8));
    }

    /** @return the previous-record hash of a terminal's first record: SM3("YBR1-GENESIS" ‖ terminal id) */
    public static byte[] genesis(String terminalId) {
        return hash("YBR1-GENESIS" + terminalId);
    }
}
