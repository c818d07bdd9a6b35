package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.http.InfnoRouter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every example of {@code docs/http-api.md}, in order, against a fresh sandbox (the live
 * counter on simulated parts, the employee's card on the reader) with a fixed clock, and checks that
 * each documented response is exactly what the live counter answers, and that every infno the router
 * knows has an example.
 */
class HttpApiDocsIT {

    static final Path DOC = Path.of("..", "docs", "http-api.md");
    private static final Pattern BLOCK = Pattern.compile("```(json|http) (request|response)\\n(.*?)```", Pattern.DOTALL);
    /** Keeps amounts exactly as written: 59.90 is not 59.9 (the API promises two decimals). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();

    /** The cancellations: the host must hold the settlement first (else NOT_UPLOADED_YET, retried by an HIS). */
    private static final Pattern CANCELLATIONS = Pattern.compile("\"infno\": \"(2103|2208|2305)\"");

    /** One documented exchange. */
    record Example(String request, String response) {
    }

    @TempDir
    Path home;

    @Test
    void everyDocumentedExchangeIsWhatTheServerAnswers() throws Exception {
        List<Example> examples = examples(Files.readString(DOC, StandardCharsets.UTF_8));
        Path actualDir = Path.of("target", "docs-actual");
        Files.createDirectories(actualDir);
        Set<String> documented = new TreeSet<>();
        List<String> mismatches = new ArrayList<>();
        try (SandboxFixture api = new SandboxFixture(home)) {
            for (int i = 0; i < examples.size(); i++) {
                Example ex = examples.get(i);
                if (CANCELLATIONS.matcher(ex.request()).find()) {
                    api.awaitUploaded(); // the live counter cancels only what the host acknowledged
                }
                ApiClient.Answer answer = run(api.client, ex.request(), documented);
                JsonNode actual = JSON.readTree(answer.body());
                Files.writeString(actualDir.resolve(String.format("%02d.json", i + 1)), pretty(actual));
                if (!actual.equals(JSON.readTree(ex.response()))) {
                    mismatches.add("example " + (i + 1) + " (" + firstLine(ex.request()) + "): see "
                            + actualDir.resolve(String.format("%02d.json", i + 1)));
                }
            }
            assertEquals(List.of(), mismatches, "docs/http-api.md differs from the server");
            assertEquals(new TreeSet<>(new InfnoRouter(api.sandbox.counter()).infnos()), documented,
                    "every infno needs an executed example in docs/http-api.md");
        }
    }

    static List<Example> examples(String markdown) {
        List<Example> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(markdown);
        String pending = null;
        while (m.find()) {
            if (m.group(2).equals("request")) {
                assertTrue(pending == null, "two requests without a response before: " + m.group(3));
                pending = m.group(3);
            } else {
                assertTrue(pending != null, "a response without a request: " + m.group(3));
                out.add(new Example(pending, m.group(3)));
                pending = null;
            }
        }
        assertTrue(out.size() > 10, "examples found in " + DOC);
        return out;
    }

    private static ApiClient.Answer run(ApiClient client, String request, Set<String> documented) throws Exception {
        if (request.startsWith("GET ")) {
            return client.get(request.substring(4).trim(), SandboxFixture.TOKEN);
        }
        String infno = JSON.readTree(request).path("infno").asText();
        documented.add(infno);
        return client.post("/api/" + infno, request, SandboxFixture.TOKEN);
    }

    private static String firstLine(String text) {
        return text.lines().filter(l -> l.contains("infno") || l.startsWith("GET")).findFirst().orElse("?").trim();
    }

    private static String pretty(JsonNode node) throws Exception {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        return JSON.writer(printer).writeValueAsString(node) + "\n";
    }
}
