package cn.yibao.card.app;

/** The insurance category stored in DF04 EF05 (RULES.md §2). */
public enum InsuranceCategory implements CardCode {

    EMPLOYEE(1, "城镇职工"),
    EMPLOYEE_POOL_ONLY(2, "单建统筹"),
    RESIDENT(3, "城镇居民"),
    SPECIAL_CARE(4, "离休/二乙");

    private final Value value;

    InsuranceCategory(int code, String labelZh) {
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
    public static InsuranceCategory ofCode(int code) {
        return CardCode.of(InsuranceCategory.class, code);
    }
}
