package cn.yibao.simulator.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The production classes of the four modules keep every rule of {@link LayoutRules}. */
class LayoutRulesTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProduction() {
        production = importClasses(ProductionOnly.INSTANCE);
    }

    static Stream<ArchRule> rules() {
        return LayoutRules.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("rules")
    void holds(ArchRule rule) {
        rule.check(production);
    }

    /** @return the classes of {@code cn.yibao} on the class path that {@code option} lets in */
    static JavaClasses importClasses(ImportOption option) {
        return new ClassFileImporter().withImportOption(option).importPackages("cn.yibao");
    }

    /** Main classes only: neither a module's test classes nor the terminal's test jar. */
    enum ProductionOnly implements ImportOption {
        INSTANCE;

        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !isTest(location);
        }

        static boolean isTest(com.tngtech.archunit.core.importer.Location location) {
            return !ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                    || location.contains("-tests.jar") || location.contains("/test-classes/");
        }
    }
}
