package cn.yibao.terminal.testing;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit extension that gives each test method a fresh {@link PtyPair} (socat) as a parameter and
 * closes it after the test.
 */
public final class PtyPairExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(PtyPairExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == PtyPair.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            Path dir = Path.of("target", "pty", context.getUniqueId().hashCode() + "-" + System.nanoTime());
            PtyPair pair = PtyPair.open(dir.toAbsolutePath());
            context.getStore(NS).put(PtyPair.class, pair);
            return pair;
        } catch (java.io.IOException e) {
            throw new org.junit.jupiter.api.extension.ParameterResolutionException(e.getMessage(), e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        PtyPair pair = context.getStore(NS).remove(PtyPair.class, PtyPair.class);
        if (pair != null) {
            pair.close();
        }
    }
}
