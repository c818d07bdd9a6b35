package cn.yibao.card.app;

/** Whether contributions are paid (RULES.md §8: arrears and suspended get no pooled benefits). */
public enum InsuranceStatus implements CardCode {

    ACTIVE(1, "正常参保"),
    ARREARS(2, "欠费"),
    SUSPENDED(3, "停保");

    private final Value value;

    InsuranceStatus(int code, String labelZh) {
        this.value = new Value(code, labelZh);
    }

    @Override
    public Value value() {
        return value;
    }

    /**
     * @return the value stored as {@code code}
     * @throws cn.yibao.card.CardException {@code CARD_MALFORMED_RESPONSE} for an unknown code
     */
    public static InsuranceStatus ofCode(int code) {
        return CardCode.of(InsuranceStatus.class, code);
    }
}
