package cn.yibao.card.app;

/** The card state of RULES.md §8 as stored on the card. */
public enum CardState implements CardCode {

    NORMAL(1, "正常"),
    IN_HOSPITAL(2, "住院状态"),
    BLACKLISTED(3, "黑名单锁定"),
    LOST(4, "挂失");

    private final Value value;

    CardState(int code, String labelZh) {
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
    public static CardState ofCode(int code) {
        return CardCode.of(CardState.class, code);
    }
}
