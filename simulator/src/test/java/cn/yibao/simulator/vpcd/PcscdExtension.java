package cn.yibao.simulator.vpcd;

import java.time.Duration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a private pcscd with one vpcd reader (slot 0 card, slot 1 PSAM) for integration tests.
 *
 * <p>One pcscd per test JVM: it starts before the first test class that uses this extension, is
 * shared by every later one through the root {@link ExtensionContext.Store}, and stops when the
 * JVM's test run ends. Any other pcscd on the machine is stopped first (only one can run), and the
 * tests fail with an installation hint if pcscd or the vpcd driver is missing.
 *
 * <p>Tests reach it by declaring a {@link PrivatePcscd} parameter (constructor, lifecycle or test
 * method) or through {@link #pcscd()}:
 *
 * <pre>{@code
 * @ExtendWith(PcscdExtension.class)
 * class MyIT {
 *     @Test
 *     void talksToTheCard(PrivatePcscd pcscd) {
 *         int cardPort = pcscd.port(PrivatePcscd.CARD_SLOT);          // plug a virtual card here
 *         String reader = pcscd.readerName(PrivatePcscd.CARD_SLOT);   // "Virtual PCD 00 00"
 *     }
 * }
 * }</pre>
 */
public final class PcscdExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(PcscdExtension.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private static volatile PrivatePcscd running;

    @Override
    public void beforeAll(ExtensionContext context) {
        start(context);
    }

    private static PrivatePcscd start(ExtensionContext context) {
        // The root store closes AutoCloseable values when the whole test plan has run.
        PrivatePcscd pcscd = context.getRoot().getStore(NAMESPACE)
                .computeIfAbsent(PrivatePcscd.class, k -> PrivatePcscd.start(READY_TIMEOUT), PrivatePcscd.class);
        running = pcscd;
        return pcscd;
    }

    /**
     * @return the pcscd of this JVM
     * @throws IllegalStateException if no test class using this extension has started yet
     */
    public static PrivatePcscd pcscd() {
        PrivatePcscd pcscd = running;
        if (pcscd == null) {
            throw new IllegalStateException("no pcscd: annotate the test class with @ExtendWith(PcscdExtension.class)");
        }
        return pcscd;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PrivatePcscd.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return start(context);
    }
}
