package cn.yibao.simulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import cn.yibao.terminal.testing.Await;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Tests wait for a condition, never for a fixed time: {@link Await#until} is the one place that
 * pauses between polls. Checked on the test classes on this class path: the simulator's and
 * the terminal's test jar (card-protocol's and host-link's tests are not on it; none of them polls).
 */
class NoFixedWaitsTest {

    static final ArchRule ONLY_AWAIT_PAUSES = noClasses().that().doNotHaveFullyQualifiedName(Await.class.getName())
            .should().callMethod(Thread.class, "sleep", long.class)
            .orShould().callMethod(Thread.class, "sleep", long.class, int.class)
            .orShould().callMethod(Thread.class, "onSpinWait")
            .orShould().callMethod(LockSupport.class, "parkNanos", long.class)
            .orShould().callMethod(LockSupport.class, "parkNanos", Object.class, long.class)
            .orShould().callMethod(TimeUnit.class, "sleep", long.class)
            .because("a test waits for what it needs with Await.until(timeout, condition, what), which polls with"
                    + " a deadline and says what it waited for; a fixed sleep or spin is too short on a busy machine"
                    + " and too long on an idle one");

    @Test
    void onlyAwaitPausesATest() {
        JavaClasses tests = LayoutRulesTest.importClasses(LayoutRulesTest.ProductionOnly::isTest);
        ONLY_AWAIT_PAUSES.check(tests);
    }
}
