package cn.yibao.card.app;

import cn.yibao.card.CardCode;

/**
 * Whether contributions are paid: the one vocabulary from the card through the settlement engine
 * to the API's {@code insurance_status} (RULES.md §7, §8: arrears and suspended get no pooled
 * benefits; the card balance stays usable).
 */
public enum InsuranceStatus implements CardCode {

    /** Contributions paid: benefits apply. */
    @Code(code = "1", nameZh = "正常参保") NORMAL,
    /** 欠费: no fund pays; the card balance stays usable. */
    @Code(code = "2", nameZh = "欠费") ARREARS,
    /** 停保: no fund pays; the card balance stays usable. */
    @Code(code = "3", nameZh = "停保") SUSPENDED;
}
