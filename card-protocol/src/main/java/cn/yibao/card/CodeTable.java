package cn.yibao.card;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The codes of one {@link Coded} enum, read once from its constants' {@link Coded.Code} annotations. */
final class CodeTable {

    private static final ClassValue<CodeTable> TABLES = new ClassValue<>() {
        @Override
        protected CodeTable computeValue(Class<?> type) {
            return new CodeTable(type);
        }
    };

    private final Map<Enum<?>, Coded.Code> codes = new HashMap<>();
    private final Map<String, Enum<?>> constants = new HashMap<>();

    private CodeTable(Class<?> type) {
        if (!type.isEnum()) {
            throw new IllegalStateException(type.getName() + " is not an enum: only enums are Coded");
        }
        for (Object constant : type.getEnumConstants()) {
            Enum<?> e = (Enum<?>) constant;
            Coded.Code code = annotation(type, e);
            if (code == null || code.code().isBlank() || code.nameZh().isBlank()) {
                throw new IllegalStateException(
                        type.getSimpleName() + "." + e.name() + " needs @Code with a code and a name");
            }
            if (constants.putIfAbsent(code.code(), e) != null) {
                throw new IllegalStateException(type.getSimpleName() + ": code " + code.code() + " given twice");
            }
            codes.put(e, code);
        }
    }

    private static Coded.Code annotation(Class<?> type, Enum<?> constant) {
        try {
            return type.getField(constant.name()).getAnnotation(Coded.Code.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(type.getName() + "." + constant.name() + " is not a field", e);
        }
    }

    /** @return the table of {@code type}, built and checked on first use */
    static CodeTable of(Class<?> type) {
        return TABLES.get(type);
    }

    /** @return the code and name of {@code constant}, a constant of a {@link Coded} enum */
    static Coded.Code codeOf(Coded constant) {
        if (!(constant instanceof Enum<?> e)) {
            throw new IllegalStateException(constant.getClass().getName() + " is not an enum: only enums are Coded");
        }
        return of(e.getDeclaringClass()).codes.get(e);
    }

    /** @return the constant with {@code code}, if any */
    Optional<Enum<?>> constant(String code) {
        return Optional.ofNullable(constants.get(code));
    }
}
