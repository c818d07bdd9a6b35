package cn.yibao.simulator.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of {@link LayoutRules} fails when a forbidden dependency is added: the test sources hold
 * one {@code ArchFixture…} class per forbidden dependency, in the package it must not be in; this
 * test imports the production classes together with them, and each rule must name its fixtures.
 */
class LayoutRulesBiteTest {

    private static JavaClasses withFixtures;

    /** A rule and a fixture class (by simple name) that breaks it. */
    record Bite(String rule, ArchRule check, String fixture) {
        @Override
        public String toString() {
            return rule + " / " + fixture;
        }
    }

    @BeforeAll
    static void importWithFixtures() {
        withFixtures = LayoutRulesTest.importClasses(location -> !LayoutRulesTest.ProductionOnly.isTest(location)
                || location.asURI().toString().matches(".*/ArchFixture\\w+\\.class"));
    }

    static Stream<Bite> bites() {
        return Stream.of(
                new Bite("modules point inward", LayoutRules.MODULES_POINT_INWARD, "ArchFixtureHostLinkUsesTerminal"),
                new Bite("no package cycles", LayoutRules.NO_PACKAGE_CYCLES, "ArchFixtureJournalUsesCounter"),
                new Bite("no package cycles", LayoutRules.NO_PACKAGE_CYCLES, "ArchFixtureCardUsesSession"),
                new Bite("command lines outermost", LayoutRules.COMMAND_LINES_ARE_OUTERMOST, "ArchFixtureCounterUsesCli"),
                new Bite("command lines outermost", LayoutRules.COMMAND_LINES_ARE_OUTERMOST,
                        "ArchFixtureHostUsesSimulatorCli"),
                new Bite("card-protocol knows no I/O", LayoutRules.CARD_PROTOCOL_KNOWS_NO_IO, "ArchFixtureApduUsesNetty"),
                new Bite("card-protocol knows no I/O", LayoutRules.CARD_PROTOCOL_KNOWS_NO_IO, "ArchFixtureApduUsesSql"),
                new Bite("card-protocol knows no I/O", LayoutRules.CARD_PROTOCOL_KNOWS_NO_IO, "ArchFixtureApduUsesHttp"),
                new Bite("card-protocol knows no I/O", LayoutRules.CARD_PROTOCOL_KNOWS_NO_IO, "ArchFixtureApduUsesPcsc"),
                new Bite("card-protocol uses only BC", LayoutRules.CARD_PROTOCOL_USES_ONLY_BC, "ArchFixtureApduUsesJackson"),
                new Bite("card-protocol uses only BC", LayoutRules.CARD_PROTOCOL_USES_ONLY_BC, "ArchFixtureApduUsesNetty"),
                new Bite("engine imports nothing of the counter", LayoutRules.ENGINE_IMPORTS_NOTHING_OF_THE_COUNTER,
                        "ArchFixtureEngineUsesCounter"),
                new Bite("engine imports nothing of the counter", LayoutRules.ENGINE_IMPORTS_NOTHING_OF_THE_COUNTER,
                        "ArchFixtureEngineUsesSql"),
                new Bite("engine imports nothing of the counter", LayoutRules.ENGINE_IMPORTS_NOTHING_OF_THE_COUNTER,
                        "ArchFixturePolicyUsesJournal"),
                new Bite("host uses only the engine", LayoutRules.HOST_USES_ONLY_THE_ENGINE, "ArchFixtureHostUsesCounter"),
                new Bite("host uses only the engine", LayoutRules.HOST_USES_ONLY_THE_ENGINE,
                        "ArchFixtureHostUsesTerminalCli"),
                new Bite("host uses only the engine", LayoutRules.HOST_USES_ONLY_THE_ENGINE,
                        "ArchFixtureMigrationUsesOps"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bites")
    void ruleNamesTheForbiddenDependency(Bite bite) {
        List<String> details = bite.check().evaluate(withFixtures).getFailureReport().getDetails();
        assertTrue(details.stream().anyMatch(d -> d.contains("." + bite.fixture() + ".")
                        || d.contains("." + bite.fixture() + ">")),
                bite + ": the rule did not report the fixture; it reported " + details.size() + " violations: "
                        + details.stream().limit(3).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bites")
    void everyFixtureIsImported(Bite bite) {
        assertTrue(withFixtures.stream().anyMatch(c -> c.getSimpleName().equals(bite.fixture())), bite.fixture());
    }
}
