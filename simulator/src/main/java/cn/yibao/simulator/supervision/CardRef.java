package cn.yibao.simulator.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A social-security card as supervision sees it: a stable pseudonymous token (SHA-256 of the card
 * number, 16 hex digits) and a masked form for people. The full card number never enters the
 * model, so nothing written out can leak it.
 *
 * @param token  16 lowercase hex digits, stable per card number
 * @param masked the card number with all but the first and last four characters hidden
 */
public record CardRef(String token, String masked) {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{16}");
    private static final Pattern CARD_NO = Pattern.compile("[0-9A-Z]{9,20}");
    private static final Pattern MASKED = Pattern.compile("[0-9A-Z]{4}\\*{4}[0-9A-Z]{4}");

    public CardRef {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("card token must be 16 hex digits");
        }
        if (masked == null || !MASKED.matcher(masked).matches()) {
            throw new IllegalArgumentException("masked card number malformed");
        }
    }

    /** Derives the token and mask of a card number (9 to 20 digits or capital letters). */
    public static CardRef of(String cardNo) {
        if (cardNo == null || !CARD_NO.matcher(cardNo).matches()) {
            throw new IllegalArgumentException("card number malformed");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("yibao-card:" + cardNo).getBytes(StandardCharsets.US_ASCII));
            String token = HexFormat.of().formatHex(digest, 0, 8);
            String masked = cardNo.substring(0, 4) + "****" + cardNo.substring(cardNo.length() - 4);
            return new CardRef(token, masked);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return masked;
    }
}
