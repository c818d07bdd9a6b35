package cn.yibao.terminal.policy;

import cn.yibao.card.app.ResidentGroup;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Validation helpers shared by the policy records. */
final class Rules {

    /** Levels at which an admission can be settled. */
    static final Set<InstitutionLevel> INPATIENT_LEVELS = EnumSet.of(InstitutionLevel.PROVINCIAL,
            InstitutionLevel.MUNICIPAL, InstitutionLevel.DISTRICT, InstitutionLevel.REHAB);

    private Rules() {
    }

    /** Checks that {@code map} has a value for every inpatient level; returns an immutable copy. */
    static <V> Map<InstitutionLevel, V> perInpatientLevel(String field, Map<InstitutionLevel, V> map) {
        if (map == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        for (InstitutionLevel level : INPATIENT_LEVELS) {
            if (map.get(level) == null) {
                throw new IllegalArgumentException(field + "." + level + ": missing");
            }
        }
        return Map.copyOf(new EnumMap<>(map));
    }

    /** Checks that {@code map} has a value for every resident group; returns an immutable copy. */
    static <V> Map<ResidentGroup, V> perGroup(String field, Map<ResidentGroup, V> map) {
        if (map == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        for (ResidentGroup group : ResidentGroup.groups()) {
            if (map.get(group) == null) {
                throw new IllegalArgumentException(field + "." + group + ": missing");
            }
        }
        return Map.copyOf(map);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": missing");
        }
        return value;
    }
}
