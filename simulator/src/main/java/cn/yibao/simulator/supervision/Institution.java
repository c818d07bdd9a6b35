package cn.yibao.simulator.supervision;

import java.util.Objects;

/**
 * A designated institution (定点医药机构).
 *
 * @param code   {@code fixmedins_code}
 * @param nameZh its name
 * @param kind   pharmacy or hospital
 */
public record Institution(String code, String nameZh, Kind kind) {

    /** Kind of designated institution. */
    public enum Kind {
        /** 定点零售药店. */
        PHARMACY,
        /** 定点医疗机构. */
        HOSPITAL
    }

    public Institution {
        Codes.requireInstitution(code, "fixmedins_code");
        Codes.requireText(nameZh, "institution name");
        Objects.requireNonNull(kind, "kind");
    }
}
