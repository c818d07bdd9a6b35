package cn.yibao.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One concept, one class, one name: no two main classes of the four modules share a simple name,
 * unless the name is listed in {@link #ALLOWED} with the reason.
 *
 * <p>Top-level, nested and local types count; anonymous, synthetic and compiler-generated ones do
 * not, and neither does a private nested type (no one outside its owner ever reads its name). A
 * nested type is read with its owner's name ({@code HostLink.Settings}, as {@code Map.Entry}), so
 * nested types of different owners may share a name; a nested type may not take a top-level
 * class's name ({@code PersonInfo.CardInfo} beside {@code card.session.CardInfo} made a reader of
 * {@code PersonMapping} ask which card information was meant).
 */
class DuplicateClassNamesTest {

    /**
     * Simple names that may be shared, with the reason. Keep it tiny: a reader who meets the name
     * must not have to ask which one is meant.
     */
    static final Map<String, String> ALLOWED = Map.of();

    /** Names the compiler gives to classes no one writes. */
    private static final Set<String> GENERATED = Set.of("package-info", "module-info");

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = LayoutRulesTest.importClasses(LayoutRulesTest.ProductionOnly.INSTANCE);
    }

    @Test
    void noTwoMainClassesShareASimpleName() {
        Map<String, Set<String>> shared = duplicates(production);
        shared.keySet().removeAll(ALLOWED.keySet());
        assertTrue(shared.isEmpty(), () -> "main classes sharing a simple name (rename one for its role, "
                + "or merge them if they mean the same thing; or list the name in ALLOWED with the reason):\n"
                + shared.entrySet().stream().map(e -> "  " + e.getKey() + ": " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("\n")));
    }

    @Test
    void everyAllowedNameIsStillShared() {
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        stale.removeAll(duplicates(production).keySet());
        assertEquals(Set.of(), stale, "ALLOWED names no longer shared by two main classes: drop them from the list");
    }

    @Test
    void theImportSeesAllFourModulesAndNestedTypes() {
        Set<String> names = production.stream().map(JavaClass::getName).collect(Collectors.toSet());
        for (String expected : List.of("cn.yibao.card.Money", "cn.yibao.hostlink.msg.Request",
                "cn.yibao.terminal.counter.live.LiveCounter", "cn.yibao.simulator.sandbox.Sandbox")) {
            assertTrue(names.contains(expected), "not imported: " + expected);
        }
        assertTrue(production.stream().anyMatch(c -> c.isNestedClass() && counted(c)), "no nested type imported");
    }

    @Test
    void bitesOnANestedTypeTakingATopLevelName() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(cn.yibao.card.Money.class, Fixture.Money.class,
                Fixture.Settings.class, OtherFixture.Settings.class, OtherFixture.Hidden.class, Fixture.Hidden.class);
        assertEquals(Map.of("Money", Set.of("cn.yibao.card.Money", Fixture.Money.class.getName())),
                duplicates(fixtures), "nested types of different owners and private ones may share a name");
    }

    /** Fixtures: a nested type taking a top-level name, and names nested types may share. */
    static final class Fixture {
        static final class Money {
        }

        static final class Settings {
        }

        private static final class Hidden {
        }
    }

    static final class OtherFixture {
        static final class Settings {
        }

        private static final class Hidden {
        }
    }

    /**
     * @return each simple name held by two or more counted classes, at least one of them top-level,
     *     with their full names
     */
    static Map<String, Set<String>> duplicates(Iterable<JavaClass> classes) {
        Map<String, List<JavaClass>> byName = new TreeMap<>();
        for (JavaClass c : classes) {
            if (counted(c)) {
                byName.computeIfAbsent(c.getSimpleName(), n -> new ArrayList<>()).add(c);
            }
        }
        Map<String, Set<String>> shared = new TreeMap<>();
        byName.forEach((name, holders) -> {
            if (holders.size() > 1 && holders.stream().anyMatch(JavaClass::isTopLevelClass)) {
                shared.put(name, holders.stream().map(JavaClass::getName).collect(Collectors.toCollection(TreeSet::new)));
            }
        });
        return shared;
    }

    private static boolean counted(JavaClass c) {
        return !c.isAnonymousClass() && !c.getModifiers().contains(JavaModifier.SYNTHETIC)
                && !(c.isNestedClass() && c.getModifiers().contains(JavaModifier.PRIVATE))
                && !c.getSimpleName().isEmpty() && !GENERATED.contains(c.getSimpleName())
                && !c.getSimpleName().contains("$");
    }
}
