package cn.yibao.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardCode;
import cn.yibao.card.Coded;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every {@link Coded} enum of the four modules gives each constant a code and a Chinese name, and no
 * code twice, and every {@link CardCode} one byte in decimal: checked here at build time rather than
 * on the first use at the counter.
 */
class CodedEnumsTest {

    @Test
    void everyCodedEnumIsComplete() {
        List<Class<?>> coded = LayoutRulesTest.importClasses(LayoutRulesTest.ProductionOnly.INSTANCE).stream()
                .filter(JavaClass::isEnum).filter(c -> c.isAssignableTo(Coded.class))
                .<Class<?>>map(JavaClass::reflect).toList();
        assertTrue(coded.size() >= 8, "found only " + coded);
        for (Class<?> type : coded) {
            Set<String> codes = new HashSet<>();
            for (Object constant : type.getEnumConstants()) {
                Coded c = (Coded) constant;
                assertTrue(!c.nameZh().isBlank(), type + "." + constant);
                codes.add(c.code());
                if (c instanceof CardCode card) {
                    assertTrue(card.cardByte() >= 0, type + "." + constant); // throws unless one byte in decimal
                }
            }
            assertEquals(type.getEnumConstants().length, codes.size(), type + ": a code given twice");
        }
    }
}
