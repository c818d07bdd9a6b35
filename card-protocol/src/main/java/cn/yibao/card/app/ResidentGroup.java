package cn.yibao.card.app;

import cn.yibao.card.CardCode;

/** The resident group of a RESIDENT (RULES.md §6); NONE for everyone else. */
public enum ResidentGroup implements CardCode {

    @Code(code = "0", nameZh = "无") NONE,
    @Code(code = "1", nameZh = "成年居民") ADULT,
    @Code(code = "2", nameZh = "未成年人") MINOR,
    @Code(code = "3", nameZh = "大学生") UNIVERSITY_STUDENT,
    @Code(code = "4", nameZh = "低保") LOW_INCOME;
}
