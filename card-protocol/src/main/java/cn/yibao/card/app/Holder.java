package cn.yibao.card.app;

import cn.yibao.card.CardNumbers;

/**
 * The card holder (SSSE EF06), read freely with SELECT.
 *
 * @param ssn social security number, up to 18 characters (mask it before showing or logging)
 * @param name the name
 * @param gender {@code '1'} male, {@code '2'} female, {@code '9'} unstated
 */
public record Holder(String ssn, String name, char gender) {

    public Holder {
        if (ssn == null || ssn.length() > 18 || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("SSN up to 18 characters and a name required");
        }
    }

    /** @return the gender in Chinese */
    public String genderZh() {
        return switch (gender) {
            case '1' -> "男";
            case '2' -> "女";
            default -> "未说明";
        };
    }

    /** Masks the SSN. */
    @Override
    public String toString() {
        return "Holder[" + CardNumbers.mask(ssn) + ", " + CardNumbers.maskName(name) + "]";
    }
}
