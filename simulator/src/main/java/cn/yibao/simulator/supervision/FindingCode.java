package cn.yibao.simulator.supervision;

/** What a detector found: a stable code, a Chinese description for supervisors, an English one for logs. */
public enum FindingCode {
    HELD_CARD("SUP_HELD_CARD", "疑似滞卡：同一张卡在同一药店频繁刷卡、无本人核验、时间异常或间隔规律",
            "suspected held card: many sales of one card at one pharmacy, no holder check, odd hours or regular intervals"),
    POST_LOSS_USE("SUP_POST_LOSS", "挂失后刷卡（疑似盗刷）：交易发生在卡片挂失之后",
            "card used after its loss report (suspected theft)"),
    SPLIT_ADMISSION("SUP_SPLIT_ADMISSION", "疑似分解住院：出院后短期内同院再次入院，诊断相同或住院费用偏低",
            "suspected split admission: readmitted to the same hospital shortly after discharge, same diagnosis or cheap stays"),
    SUBSTITUTION("SUP_SUBSTITUTION", "疑似串换药品：刷卡销售数量超过库存出库数量",
            "suspected substitution: quantity sold on cards exceeds the stock-out movements");

    private final String code;
    private final String messageZh;
    private final String message;

    FindingCode(String code, String messageZh, String message) {
        this.code = code;
        this.messageZh = messageZh;
        this.message = message;
    }

    /** @return the stable code */
    public String code() {
        return code;
    }

    /** @return the description in Chinese */
    public String messageZh() {
        return messageZh;
    }

    /** @return the description in English */
    public String message() {
        return message;
    }
}
