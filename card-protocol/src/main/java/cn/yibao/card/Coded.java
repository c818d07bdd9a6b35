package cn.yibao.card;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

/**
 * A constant of a coded dictionary: the code it has at the boundary (in a national code list, on
 * the wire, on the card) and its Chinese name for the counter. An enum implements this and gives
 * each constant its code and name with {@link Code}, so that it only lists its constants:
 *
 * <pre>{@code
 * public enum ChrgitmLv implements Coded {
 *     @Code(code = "01", nameZh = "甲类") A,
 *     ...
 * }
 * }</pre>
 *
 * <p>Every constant must carry a {@link Code} with a code and a name, and no two constants of an
 * enum may share a code; an enum that breaks this fails with an {@link IllegalStateException} the
 * first time one of its codes is used. Only enums implement this interface.
 */
public interface Coded {

    /** The code and the Chinese name of one constant of a {@link Coded} enum. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface Code {

        /** @return the code at the boundary, e.g. {@code "01"} */
        String code();

        /** @return the name shown at the counter, in simplified Chinese */
        String nameZh();
    }

    /** @return the code at the boundary */
    default String code() {
        return CodeTable.codeOf(this).code();
    }

    /** @return the name shown at the counter, in simplified Chinese */
    default String nameZh() {
        return CodeTable.codeOf(this).nameZh();
    }

    /** @return the constant of {@code type} with this {@code code}, if there is one */
    static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
        return CodeTable.of(type).constant(code).map(type::cast);
    }
}
