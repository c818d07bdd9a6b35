package cn.yibao.card.apdu;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import java.util.Arrays;

/** Big-endian integer and BCD helpers for fixed-layout card fields. */
public final class Bytes {

    private Bytes() {
    }

    /** @return {@code value} as {@code width} big-endian bytes (the low bytes of {@code value}) */
    public static byte[] be(long value, int width) {
        byte[] out = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    /** @return the unsigned big-endian value of {@code len} bytes at {@code off} (len ≤ 7) */
    public static long be(byte[] bytes, int off, int len) {
        long value = 0;
        for (int i = 0; i < len; i++) {
            value = value << 8 | bytes[off + i] & 0xFF;
        }
        return value;
    }

    /** @return the concatenation of the arrays */
    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int i = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, i, p.length);
            i += p.length;
        }
        return out;
    }

    /** @return {@code len} bytes at {@code off} */
    public static byte[] slice(byte[] bytes, int off, int len) {
        return Arrays.copyOfRange(bytes, off, off + len);
    }

    /**
     * Packs decimal digits into BCD, right-padding an odd count with {@code F}.
     *
     * @throws IllegalArgumentException if {@code digits} holds a non-digit or is too long
     */
    public static byte[] bcd(String digits, int width) {
        if (digits.length() > width * 2 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("not at most " + width * 2 + " digits");
        }
        byte[] out = new byte[width];
        Arrays.fill(out, (byte) 0xFF);
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            int b = out[i / 2] & 0xFF;
            out[i / 2] = (byte) (i % 2 == 0 ? (d << 4) | (b & 0x0F) : (b & 0xF0) | d);
        }
        return out;
    }

    /**
     * Unpacks BCD digits up to the first {@code F} nibble.
     *
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} on a nibble A..E
     */
    public static String unbcd(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            for (int nibble : new int[] {(b >>> 4) & 0x0F, b & 0x0F}) {
                if (nibble == 0x0F) {
                    return out.toString();
                }
                if (nibble > 9) {
                    throw CardException.protocol(CardError.MALFORMED_RESPONSE, "bad BCD digit");
                }
                out.append((char) ('0' + nibble));
            }
        }
        return out.toString();
    }

    /**
     * @return {@code data} if it is exactly {@code length} bytes
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} otherwise
     */
    public static byte[] requireLength(byte[] data, int length, String what) {
        if (data.length != length) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE,
                    what + " has " + data.length + " bytes, expected " + length);
        }
        return data;
    }
}
