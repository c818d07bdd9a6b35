package cn.yibao.terminal.settlement;

import cn.yibao.card.Refusal;

/** Business refusals of the settlement rules. */
public enum SettlementRefusal implements Refusal.Named {
    /** A non-medical item (class N) is on an insured sale: the whole sale is refused (套刷). */
    NON_MEDICAL_ITEM("含非医保商品，整单不能使用医保结算",
            "the sale contains a non-medical item; the whole sale is refused for insured settlement"),
    /** A resident adult or low-income resident treated out of region has no benefit. */
    RESIDENT_OUT_OF_REGION("城镇居民（成年/低保）无异地就医待遇，不能医保结算",
            "residents (adult, low-income) have no out-of-region benefit"),
    /** A sale with no line items (空刷). */
    NO_ITEMS("没有收费项目，不能结算", "no fee lines");

    private final Text text;

    SettlementRefusal(String messageZh, String message) {
        this.text = new Text(messageZh, message);
    }

    @Override
    public Text text() {
        return text;
    }
}
