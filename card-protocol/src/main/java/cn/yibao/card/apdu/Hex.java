package cn.yibao.card.apdu;

import java.util.HexFormat;

/** Hexadecimal helpers for APDUs and keys (upper case, no separators). */
public final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    /** @return the bytes as upper-case hex */
    public static String of(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }

    /**
     * Parses hex, ignoring spaces.
     *
     * @throws IllegalArgumentException if the text is not an even number of hex digits
     */
    public static byte[] parse(String hex) {
        String compact = hex.replace(" ", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits");
        }
        return UPPER.parseHex(compact);
    }
}
