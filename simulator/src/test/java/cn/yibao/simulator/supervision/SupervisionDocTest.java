package cn.yibao.simulator.supervision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The policy JSON shown in docs/supervision.md is the bundled default. */
class SupervisionDocTest {

    @Test
    void documentedPolicyIsTheBundledDefault() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "supervision.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("```json\n");
        assertTrue(start >= 0, "no json block in docs/supervision.md");
        int end = doc.indexOf("```", start + 8);
        String json = doc.substring(start + 8, end);
        SupervisionPolicy documented = SupervisionPolicy.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(SupervisionPolicy.defaults(), documented);
    }
}
