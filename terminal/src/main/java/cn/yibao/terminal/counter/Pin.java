package cn.yibao.terminal.counter;

import java.util.Arrays;

/**
 * A cardholder PIN as typed on the keypad: 6 digits. Never printed: {@link #toString()} masks it.
 *
 * @param digits the digits, '0'..'9'
 */
public record Pin(char[] digits) {

    public Pin {
        if (digits == null || digits.length != 6) {
            throw new IllegalArgumentException("a PIN has 6 digits");
        }
        for (char c : digits) {
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("a PIN has only digits");
            }
        }
        digits = digits.clone();
    }

    /** @return a PIN from text, or {@code null} when the text is null or empty */
    public static Pin ofNullable(String text) {
        return text == null || text.isEmpty() ? null : new Pin(text.toCharArray());
    }

    @Override
    public char[] digits() {
        return digits.clone();
    }

    /** @return whether this PIN equals {@code other}, in time independent of where they differ */
    public boolean matches(Pin other) {
        int diff = 0;
        for (int i = 0; i < digits.length; i++) {
            diff |= digits[i] ^ other.digits[i];
        }
        return diff == 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pin p && Arrays.equals(digits, p.digits);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(digits);
    }

    @Override
    public String toString() {
        return "Pin[******]";
    }
}
