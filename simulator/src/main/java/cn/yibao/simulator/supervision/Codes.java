package cn.yibao.simulator.supervision;

import java.util.regex.Pattern;

/** Validation of the identifiers and texts that travel in supervision records. */
final class Codes {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z._/-]{1,50}");
    /** Institution codes also name report files and prefix subject keys: no dot, no slash. */
    private static final Pattern INSTITUTION = Pattern.compile("[0-9A-Za-z_-]{1,30}");

    private Codes() {
    }

    static String requireCode(String value, String what) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " malformed: " + value);
        }
        return value;
    }

    static String requireInstitution(String value, String what) {
        if (value == null || !INSTITUTION.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " malformed: " + value);
        }
        return value;
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(what + " must be 1 to 200 characters");
        }
        return value;
    }
}
