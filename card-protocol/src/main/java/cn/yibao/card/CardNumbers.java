package cn.yibao.card;

/**
 * Masks card numbers, social-security numbers and names for display and logs: a full card number
 * is never logged.
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    /**
     * Keeps the first two and the last two characters of anything 8 characters or longer (the
     * first and last one of shorter text) and stars the rest, e.g. {@code A12345678} →
     * {@code A1*****78}.
     *
     * @return the masked text; {@code "?"} for null
     */
    public static String mask(String number) {
        if (number == null) {
            return "?";
        }
        int n = number.length();
        if (n <= 2) {
            return "*".repeat(n);
        }
        int keep = n >= 8 ? 2 : 1;
        return number.substring(0, keep) + "*".repeat(n - 2 * keep) + number.substring(n - keep);
    }

    /** @return the first character of the name followed by stars, e.g. {@code 张*} */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) {
            return "?";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
