package cn.yibao.terminal.counter;

/**
 * 1101 input {@code data}: which person to read. The counter reads the card on the reader; a
 * certificate number, when given, must match that card.
 *
 * @param mdtrtCertType 03 social-security card (the only kind the counter reads); null means 03
 * @param mdtrtCertNo   optional card number the caller expects on the reader
 * @param cardSn        optional card identification code (卡识别码) the caller expects
 */
public record PersonQuery(String mdtrtCertType, String mdtrtCertNo, String cardSn) {

    public PersonQuery {
        Checks.optional(mdtrtCertType, "mdtrt_cert_type", 3);
        Checks.optional(mdtrtCertNo, "mdtrt_cert_no", 50);
        Checks.optional(cardSn, "card_sn", 32);
    }

    /** The query a cashier's tap makes: whatever card is on the reader. */
    public static PersonQuery cardOnReader() {
        return new PersonQuery("03", null, null);
    }
}
