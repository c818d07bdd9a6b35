package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml and the router cannot drift: the same infnos, and every reference resolves. */
class OpenApiDocumentTest {

    private static final Path DOC = Path.of("..", "docs", "openapi.yaml");

    private static String doc() throws Exception {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    @Test
    void everyInfnoTheRouterKnowsIsDocumentedAndNoOther() throws Exception {
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("(?m)^  /api/([0-9A-Za-z]+):$").matcher(doc());
        while (m.find()) {
            documented.add(m.group(1));
        }
        assertTrue(documented.remove("status"), "GET /api/status is documented");
        assertTrue(documented.remove("reprint"), "POST /api/reprint is documented");
        assertTrue(documented.remove("tender"), "POST /api/tender is documented");
        Set<String> routed = new TreeSet<>(new InfnoRouter(UnreachedCounter.create()).infnos());
        assertEquals(routed, documented);
    }

    @Test
    void everyReferenceResolves() throws Exception {
        String doc = doc();
        String components = doc.substring(doc.indexOf("\ncomponents:"));
        Set<String> defined = new TreeSet<>();
        Matcher d = Pattern.compile("(?m)^    (\\w+):$").matcher(components);
        while (d.find()) {
            defined.add(d.group(1));
        }
        Matcher r = Pattern.compile("#/components/(?:schemas|responses)/(\\w+)").matcher(doc);
        int refs = 0;
        while (r.find()) {
            refs++;
            assertTrue(defined.contains(r.group(1)), "undefined " + r.group(1));
        }
        assertTrue(refs > 30, "references found");
    }
}
