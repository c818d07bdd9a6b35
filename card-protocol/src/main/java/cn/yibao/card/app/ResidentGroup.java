package cn.yibao.card.app;

/** The resident group of a RESIDENT (RULES.md §6); NONE for everyone else. */
public enum ResidentGroup implements CardCode {

    NONE(0, "无"),
    ADULT(1, "成年居民"),
    MINOR(2, "未成年人"),
    UNIVERSITY_STUDENT(3, "大学生"),
    LOW_INCOME(4, "低保");

    private final Value value;

    ResidentGroup(int code, String labelZh) {
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
    public static ResidentGroup ofCode(int code) {
        return CardCode.of(ResidentGroup.class, code);
    }
}
