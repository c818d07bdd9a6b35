package cn.yibao.card.app;

import cn.yibao.card.CardCode;

/** Whether contributions are paid (RULES.md §8: arrears and suspended get no pooled benefits). */
public enum InsuranceStatus implements CardCode {

    @Code(code = "1", nameZh = "正常参保") ACTIVE,
    @Code(code = "2", nameZh = "欠费") ARREARS,
    @Code(code = "3", nameZh = "停保") SUSPENDED;
}
