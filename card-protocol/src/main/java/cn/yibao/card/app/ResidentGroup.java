package cn.yibao.card.app;

import cn.yibao.card.CardCode;
import java.util.List;

/**
 * The resident group of a RESIDENT (RULES.md §6); NONE for everyone else. The one vocabulary from
 * the card through the policy packs and the settlement engine, which know only the {@link #groups()}.
 */
public enum ResidentGroup implements CardCode {

    @Code(code = "0", nameZh = "无") NONE,
    @Code(code = "1", nameZh = "成年居民") ADULT,
    @Code(code = "2", nameZh = "未成年人") MINOR,
    @Code(code = "3", nameZh = "大学生") UNIVERSITY_STUDENT,
    @Code(code = "4", nameZh = "低保") LOW_INCOME;

    private static final List<ResidentGroup> GROUPS = List.of(ADULT, MINOR, UNIVERSITY_STUDENT, LOW_INCOME);

    /** @return the groups a resident belongs to (every constant but {@link #NONE}), in order */
    public static List<ResidentGroup> groups() {
        return GROUPS;
    }
}
