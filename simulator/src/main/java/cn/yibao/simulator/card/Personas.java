package cn.yibao.simulator.card;

import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardState;
import cn.yibao.card.app.InsuranceCategory;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.card.crypto.Algorithm;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The catalogue of personas: every category of RULES.md §2, every card state of §8, arrears,
 * suspended, PIN-locked, and an SM4 card.
 */
public final class Personas {

    private static final int YEAR = 2026;
    private static final InsuranceCategory EMP = InsuranceCategory.EMPLOYEE;
    private static final InsuranceStatus OK = InsuranceStatus.NORMAL;
    private static final CardState NORMAL = CardState.NORMAL;
    private static final ResidentGroup NONE = ResidentGroup.NONE;

    private static final List<Persona> ALL = List.of(
            p("employee", 1, "城镇职工（在职）", "张伟", '1', EMP, NONE, false, false, OK, NORMAL, true, 150_000),
            p("employee-retired", 2, "城镇职工（退休）", "王秀英", '2', EMP, NONE, true, false, OK, NORMAL, true, 320_000),
            p("civil-servant", 3, "公务员", "李强", '1', EMP, NONE, false, true, OK, NORMAL, true, 210_000),
            p("pool-only", 4, "单建统筹/灵活就业", "刘洋", '1', InsuranceCategory.EMPLOYEE_POOL_ONLY, NONE, false,
                    false, OK, NORMAL, false, 0),
            p("resident-adult", 5, "城镇居民（成年）", "陈静", '2', InsuranceCategory.RESIDENT, ResidentGroup.ADULT,
                    false, false, OK, NORMAL, false, 0),
            p("resident-minor", 6, "城镇居民（未成年）", "杨子涵", '1', InsuranceCategory.RESIDENT,
                    ResidentGroup.MINOR, false, false, OK, NORMAL, false, 0),
            p("student", 7, "大学生", "赵敏", '2', InsuranceCategory.RESIDENT, ResidentGroup.UNIVERSITY_STUDENT,
                    false, false, OK, NORMAL, false, 0),
            p("low-income", 8, "城镇居民（低保，年度划入50元）", "黄建国", '1', InsuranceCategory.RESIDENT,
                    ResidentGroup.LOW_INCOME, false, false, OK, NORMAL, true, 5_000),
            p("special-care", 9, "离休干部/二乙伤残军人", "周德明", '1', InsuranceCategory.SPECIAL_CARE, NONE,
                    true, false, OK, NORMAL, false, 0),
            p("in-hospital", 10, "城镇职工（住院状态）", "吴芳", '2', EMP, NONE, false, false, OK,
                    CardState.IN_HOSPITAL, true, 80_000),
            p("blacklisted", 11, "黑名单锁定", "徐磊", '1', EMP, NONE, false, false, OK, CardState.BLACKLISTED, true,
                    60_000),
            p("lost", 12, "挂失", "孙丽", '2', EMP, NONE, false, false, OK, CardState.LOST, true, 90_000),
            p("arrears", 13, "欠费（余额可用）", "马超", '1', EMP, NONE, false, false, InsuranceStatus.ARREARS, NORMAL,
                    true, 40_000),
            p("suspended", 14, "停保（余额可用）", "朱红", '2', EMP, NONE, false, false, InsuranceStatus.SUSPENDED,
                    NORMAL, true, 30_000),
            locked(),
            sm4());

    private Personas() {
    }

    /** @return every persona, in catalogue order */
    public static List<Persona> all() {
        return ALL;
    }

    /** @return the persona with this id */
    public static Optional<Persona> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * @return the persona with this id
     * @throws IllegalArgumentException naming the known ids if there is none
     */
    public static Persona byId(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown persona '" + id + "'; known: "
                + ALL.stream().map(Persona::id).collect(Collectors.joining(", "))));
    }

    private static Persona locked() {
        Persona base = p("pin-locked", 15, "密码已锁定", "胡军", '1', EMP, NONE, false, false, OK, NORMAL, true, 70_000);
        return new Persona(base.id(), base.index(), base.descriptionZh(), base.name(), base.gender(), base.category(),
                base.group(), false, false, OK, NORMAL, true, base.balance(), 0, Algorithm.TDES, base.accumulators());
    }

    private static Persona sm4() {
        Persona base = p("employee-sm4", 16, "城镇职工（SM4卡）", "郭婷", '2', EMP, NONE, false, false, OK, NORMAL, true,
                120_000);
        return new Persona(base.id(), base.index(), base.descriptionZh(), base.name(), base.gender(), base.category(),
                base.group(), false, false, OK, NORMAL, true, base.balance(), 3, Algorithm.SM4, base.accumulators());
    }

    private static Persona p(String id, int index, String zh, String name, char gender, InsuranceCategory category,
            ResidentGroup group, boolean retired, boolean civilServant, InsuranceStatus status, CardState state,
            boolean hasAccount, long balanceFen) {
        return new Persona(id, index, zh, name, gender, category, group, retired, civilServant, status, state,
                hasAccount, Money.ofFen(balanceFen), 3, Algorithm.TDES, Accumulators.zero(YEAR));
    }
}
