package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml passes {@code redocly lint} (a linter we did not write) with the committed
 * ruleset {@code redocly.yaml}: no error and no warning.
 */
class OpenApiLintIT {

    @Test
    void theDocumentHasNoErrorAndNoWarning() throws Exception {
        Path bin = NodeTools.bin("redocly");
        Path log = Path.of("target", "conformance", "redocly-lint.txt").toAbsolutePath();
        try (NodeTools.Proc lint = new NodeTools.Proc(List.of(bin.toString(), "lint", "--config",
                NodeTools.ROOT.resolve("redocly.yaml").toString(), "--format", "stylish", NodeTools.OPENAPI.toString()), log)) {
            assertTrue(lint.process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS), "redocly lint finished");
            String out = lint.output();
            assertEquals(0, lint.process.exitValue(), out);
            assertTrue(out.contains("Your API description is valid"), out);
            assertTrue(!Pattern.compile("(?m)^\\s*\\d+:\\d+\\s+(error|warning)\\s").matcher(out).find(), out);
        }
    }
}
