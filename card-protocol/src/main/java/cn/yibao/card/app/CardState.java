package cn.yibao.card.app;

import cn.yibao.card.CardCode;

/** The card state of RULES.md §8 as stored on the card. */
public enum CardState implements CardCode {

    @Code(code = "1", nameZh = "正常") NORMAL,
    @Code(code = "2", nameZh = "住院状态") IN_HOSPITAL,
    @Code(code = "3", nameZh = "黑名单锁定") BLACKLISTED,
    @Code(code = "4", nameZh = "挂失") LOST;
}
