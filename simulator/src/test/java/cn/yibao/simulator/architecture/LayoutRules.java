package cn.yibao.simulator.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The rules of the code's layout (docs/architecture.md, "Modules" and "Rules of the layout"), as
 * ArchUnit rules over the production classes of all four modules. {@link LayoutRulesTest} checks
 * them; {@link LayoutRulesBiteTest} shows that each one fails when a forbidden dependency is added.
 */
final class LayoutRules {

    /** The libraries and JDK parts that mean network, SQL, HTTP or the smart-card reader. */
    static final String[] NETTY = {"io.netty.."};
    static final String[] SQL = {"java.sql..", "javax.sql..", "org.sqlite..", "org.postgresql..", "com.zaxxer..",
        "org.flywaydb.."};
    static final String[] HTTP = {"java.net.http..", "com.sun.net.httpserver..", "io.netty.handler.codec.http.."};
    static final String[] PCSC = {"javax.smartcardio..", "jssc.."};
    /** The terminal's packages the host may use: the settlement engine, the policy packs and the JSON helpers. */
    static final String[] ENGINE = {"cn.yibao.terminal.settlement..", "cn.yibao.terminal.policy..",
        "cn.yibao.terminal.json.."};

    /** card-protocol ← host-link ← terminal ← simulator, and never the other way. */
    static final ArchRule MODULES_POINT_INWARD = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("card-protocol").definedBy("cn.yibao.card..")
            .layer("host-link").definedBy("cn.yibao.hostlink..")
            .layer("terminal").definedBy("cn.yibao.terminal..")
            .layer("simulator").definedBy("cn.yibao.simulator..")
            .whereLayer("simulator").mayNotBeAccessedByAnyLayer()
            .whereLayer("terminal").mayOnlyBeAccessedByLayers("simulator")
            .whereLayer("host-link").mayOnlyBeAccessedByLayers("terminal", "simulator")
            .because("modules depend only inward: the counter never reaches into the simulator, the link never into"
                    + " the counter");

    /** Packages form no cycle, in any module or across modules. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("cn.yibao.(**)").should().beFreeOfCycles()
            .because("packages depend only inward");

    /** The command lines are the outermost layer of each module: no other package uses them. */
    static final ArchRule COMMAND_LINES_ARE_OUTERMOST = CompositeArchRule.of(noClasses()
            .that().resideInAnyPackage("cn.yibao.card..", "cn.yibao.hostlink..", "cn.yibao.terminal..")
            .and().resideOutsideOfPackage("cn.yibao.terminal.cli..")
            .should().dependOnClassesThat().resideInAPackage("cn.yibao.terminal.cli..")
            .because("the terminal's command line wires the counter and is used by nothing of it"))
            .and(noClasses().that().resideOutsideOfPackage("cn.yibao.simulator.cli..")
                    .should().dependOnClassesThat().resideInAPackage("cn.yibao.simulator.cli..")
                    .because("the simulator's command line wires the simulators and is used by none of them"));

    /** card-protocol knows nothing of Netty, SQL, HTTP or PC/SC. */
    static final ArchRule CARD_PROTOCOL_KNOWS_NO_IO = noClasses().that().resideInAPackage("cn.yibao.card..")
            .should().dependOnClassesThat().resideInAnyPackage(all(NETTY, SQL, HTTP, PCSC))
            .because("the same card session runs over an in-memory transport in tests and over PC/SC at the counter");

    /** card-protocol uses the JDK's language, collections, time, I/O and security classes, and Bouncy Castle. */
    static final ArchRule CARD_PROTOCOL_USES_ONLY_BC = classes().that().resideInAPackage("cn.yibao.card..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("cn.yibao.card..", "java.lang..", "java.util..",
                    "java.time..", "java.math..", "java.io..", "java.nio..", "java.security..", "javax.crypto..",
                    "org.bouncycastle..")
            .because("card-protocol may use Bouncy Castle and nothing else");

    /**
     * The settlement engine and the policy packs import nothing of the counter, the journal, the
     * devices or the link: the host re-computes every uploaded split with them.
     */
    static final ArchRule ENGINE_IMPORTS_NOTHING_OF_THE_COUNTER = noClasses()
            .that().resideInAnyPackage("cn.yibao.terminal.settlement..", "cn.yibao.terminal.policy..")
            .should().dependOnClassesThat(resideInAPackage("cn.yibao.terminal..")
                    .and(not(resideInAnyPackage(ENGINE))))
            .orShould().dependOnClassesThat().resideInAnyPackage(all(NETTY, SQL, HTTP, PCSC,
                    new String[] {"cn.yibao.hostlink.net..", "cn.yibao.hostlink.saf..", "cn.yibao.simulator.."}))
            .because("the host re-computes splits with the engine and the policy packs alone");

    /**
     * The host's packages ({@code simulator.host} and below: the host service, its store and
     * migrations, its load generators) use of the terminal module only the engine, the policy packs
     * and the JSON helpers, with which the host re-computes every uploaded split; nothing of the
     * counter, the journal, the devices, the API, the command line or the terminal's operations.
     */
    static final ArchRule HOST_USES_ONLY_THE_ENGINE = noClasses().that().resideInAPackage("cn.yibao.simulator.host..")
            .should().dependOnClassesThat(resideInAPackage("cn.yibao.terminal..")
                    .and(not(resideInAnyPackage(ENGINE))))
            .because("the host re-computes splits with the terminal's engine and depends on nothing else of the"
                    + " counter");

    /** Every rule, with its name for the report. */
    static final List<ArchRule> ALL = List.of(MODULES_POINT_INWARD, NO_PACKAGE_CYCLES, COMMAND_LINES_ARE_OUTERMOST,
            CARD_PROTOCOL_KNOWS_NO_IO, CARD_PROTOCOL_USES_ONLY_BC, ENGINE_IMPORTS_NOTHING_OF_THE_COUNTER,
            HOST_USES_ONLY_THE_ENGINE);

    private static String[] all(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }

    private LayoutRules() {
    }
}
