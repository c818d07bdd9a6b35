package cn.yibao.simulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One JSON configuration per boundary (docs/architecture.md, "JSON"): only the named places make or
 * configure a Jackson mapper or factory; every other class takes its mapper from one of them.
 */
class JsonConfigurationTest {

    /** The named places: the host link, the HIS API, policy packs and files. */
    static final Set<String> NAMED = Set.of("cn.yibao.hostlink.msg.Json", "cn.yibao.terminal.http.ApiJson",
            "cn.yibao.terminal.json.FileJson");

    private static final String FIXTURE = "ArchFixtureCounterConfiguresMapper";

    /** Calls that make a mapper or factory, or change the settings of one. */
    private static final Set<String> CONFIGURING = Set.of("<init>", "builder", "copy", "rebuild", "configure", "enable",
            "disable", "registerModule", "registerModules", "findAndRegisterModules", "addMixIn", "setMixIns",
            "setConfig", "setDefaultPropertyInclusion", "setSerializationInclusion", "setPropertyNamingStrategy");

    static final ArchRule MAPPERS_ONLY_IN_THE_NAMED_PLACES = noClasses()
            .that(DescribedPredicate.describe("are not one of " + NAMED, (JavaClass c) -> !named(c)))
            .should().callCodeUnitWhere(DescribedPredicate.describe(
                    "makes or configures a Jackson mapper or factory (new ObjectMapper, JsonMapper.builder(), copy(),"
                            + " registerModule, enable, …)", JsonConfigurationTest::configures))
            .because("each boundary's JSON settings live in one named place; take the mapper from it");

    private static boolean named(JavaClass c) {
        String name = c.getName();
        int nested = name.indexOf('$');
        return NAMED.contains(nested < 0 ? name : name.substring(0, nested));
    }

    private static boolean configures(JavaCall<?> call) {
        JavaClass owner = call.getTargetOwner();
        return (owner.isAssignableTo(ObjectMapper.class) || owner.isAssignableTo(JsonFactory.class))
                && (CONFIGURING.contains(call.getName()) || call.getName().startsWith("set"));
    }

    /** The production classes and the fixture that configures a mapper in the counter. */
    private static JavaClasses withFixture;

    @BeforeAll
    static void importWithFixture() {
        withFixture = LayoutRulesTest.importClasses(location -> !LayoutRulesTest.ProductionOnly.isTest(location)
                || location.asURI().toString().endsWith("/" + FIXTURE + ".class"));
    }

    @Test
    void onlyTheNamedPlacesConfigureAMapper() {
        MAPPERS_ONLY_IN_THE_NAMED_PLACES.check(withFixture.that(DescribedPredicate.describe("production classes",
                (JavaClass c) -> !c.getSimpleName().equals(FIXTURE))));
    }

    @Test
    void aMapperConfiguredElsewhereIsNamed() {
        List<String> details = MAPPERS_ONLY_IN_THE_NAMED_PLACES.evaluate(withFixture).getFailureReport().getDetails();
        assertTrue(!details.isEmpty() && details.stream().allMatch(d -> d.contains("." + FIXTURE + ".")),
                "expected the fixture's new ObjectMapper() and its registerModule, got " + details);
    }
}
