package cn.yibao.hostlink.msg;

import java.util.Optional;

/**
 * Transaction codes ({@code infno}) carried on the host link. Codes 9001, 9002, 1101, 2208, 2601,
 * 3201, 3202, 3501 and 3502 keep their national meaning; 9003, 9110, 9120, 9121 and 8001 are this product's
 * extensions (heartbeat, policy-pack download, card-list download, report of a listed card
 * presented at the counter, signed-record upload).
 */
public enum Infno {
    SIGN_IN("9001"),
    SIGN_OUT("9002"),
    HEARTBEAT("9003"),
    POLICY_PACK("9110"),
    CARD_LIST("9120"),
    CARD_REPORT("9121"),
    PERSON_QUERY("1101"),
    UPLOAD("8001"),
    CANCEL("2208"),
    REVERSAL("2601"),
    RECON_TOTALS("3201"),
    RECON_DETAIL("3202"),
    STOCK_TAKE("3501"),
    STOCK_CHANGE("3502");

    private final String code;

    Infno(String code) {
        this.code = code;
    }

    /** @return the four-digit code sent in the envelope */
    public String code() {
        return code;
    }

    /** Looks a code up; the outpatient (2103) and inpatient (2305) cancellations map to {@link #CANCEL}. */
    public static Optional<Infno> of(String code) {
        if ("2103".equals(code) || "2305".equals(code)) {
            return Optional.of(CANCEL);
        }
        for (Infno i : values()) {
            if (i.code.equals(code)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }
}
