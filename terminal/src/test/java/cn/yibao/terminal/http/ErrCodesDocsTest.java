package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.Refusal;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The documents list exactly the codes the API can answer ({@link ErrCodes}): docs/http-api.md's
 * table of API errors and table of business refusals (each with its Chinese message), and the
 * {@code err_code} enum of docs/openapi.yaml. A code the counter can raise that the documents do
 * not list fails here; the failure prints the table as it should read.
 */
class ErrCodesDocsTest {

    private static final Path HTTP_API = Path.of("..", "docs", "http-api.md");
    private static final Path OPENAPI = Path.of("..", "docs", "openapi.yaml");
    private static final Pattern API_ROW = Pattern.compile("^\\| (\\d{3}) \\| (-\\d) \\| `([A-Z0-9_]+)` \\|.*$");
    private static final Pattern REFUSAL_ROW = Pattern.compile("^\\| `([A-Z0-9_]+)` \\| ([^|]+) \\|$");

    @Test
    void theApiErrorTableListsEveryApiErrorWithItsStatus() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(HTTP_API)) {
            Matcher m = API_ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(3), m.group(1) + " " + m.group(2));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        ErrCodes.apiErrors().forEach((code, refusal) -> {
            ApiError error = (ApiError) refusal;
            expected.put(code, error.httpStatus() + " " + error.infcode());
        });
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(documented),
                "docs/http-api.md, 'Errors of the API itself': one row per ApiError, with its HTTP status and infcode");
    }

    @Test
    void theRefusalTableListsEveryBusinessRefusalWithItsChineseMessage() throws IOException {
        Map<String, String> documented = new java.util.TreeMap<>();
        for (String line : Files.readAllLines(HTTP_API)) {
            Matcher m = REFUSAL_ROW.matcher(line);
            if (m.matches()) {
                documented.put(m.group(1), m.group(2).trim());
            }
        }
        Map<String, String> expected = new java.util.TreeMap<>();
        ErrCodes.refusals().forEach((code, refusal) -> expected.put(code, shown(refusal)));
        assertEquals(expected, documented, "docs/http-api.md, 'Business refusals' should read:\n" + table(expected));
    }

    @Test
    void theOpenApiErrCodeEnumIsTheList() throws IOException {
        JsonNode doc = new ObjectMapper(new YAMLFactory()).readTree(OPENAPI.toFile());
        JsonNode values = doc.path("components").path("schemas").path("ErrorEnvelope").path("properties")
                .path("err_code").path("enum");
        List<String> documented = new ArrayList<>();
        values.forEach(v -> documented.add(v.asText()));
        assertEquals(ErrCodes.all(), documented,
                "docs/openapi.yaml: components.schemas.ErrorEnvelope.properties.err_code.enum, sorted");
    }

    @Test
    void oneCodeHasOneMeaning() {
        enum Twice implements Refusal.Named {
            NO_ITEMS;

            @Override
            public Text text() {
                return new Text("别的意思", "something else");
            }
        }
        assertThrows(IllegalStateException.class,
                () -> ErrCodes.checkedIndex(List.of(ErrCodes.REFUSALS.get(1), Twice.class)));
    }

    /** The Chinese message as the table shows it: a template's number as N, a status word as XXXX. */
    private static String shown(Refusal refusal) {
        return refusal.messageZh().replace("%d", "N").replace("%04X", "XXXX");
    }

    private static String table(Map<String, String> rows) {
        StringBuilder out = new StringBuilder("| `err_code` | `err_msg` |\n|---|---|\n");
        rows.forEach((code, zh) -> out.append("| `").append(code).append("` | ").append(zh).append(" |\n"));
        return out.toString();
    }
}
