package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.Refusal;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.record.RecordCheck;
import cn.yibao.terminal.devices.DeviceProblem;
import cn.yibao.terminal.http.ApiError;
import cn.yibao.terminal.http.ErrCodes;
import cn.yibao.terminal.policy.PolicyRefusal;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
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
import java.util.Set;
import java.util.TreeSet;
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

    /** Refusal enums whose codes never reach the HIS API, and why. */
    private static final Map<Class<?>, String> NOT_ANSWERED = Map.of(
            PolicyRefusal.class, "a policy pack is checked when it is loaded (terminal settle, start-up); a counter with a bad pack does not serve",
            DeviceProblem.class, "the printer's state is data in /api/status and in a settlement's output (printer.code), never an err_code",
            LinkRefusal.class, "answered by the host to the terminal; the counter maps them to its own (REFUND_REFUSED, INVENTORY_REFUSED, …)",
            RecordCheck.class, "the host's verdict on a terminal's records; a terminal never answers it");

    @Test
    void everyRefusalEnumIsInTheListOrSaysWhyNot() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.yibao")) {
            if (c.isEnum() && c.isAssignableTo(Refusal.class)) {
                found.add(c.getName());
            }
        }
        Set<String> accounted = new TreeSet<>();
        ErrCodes.REFUSALS.forEach(c -> accounted.add(c.getName()));
        accounted.add(ApiError.class.getName());
        NOT_ANSWERED.keySet().forEach(c -> accounted.add(c.getName()));
        assertEquals(accounted, found, "a new refusal enum goes into ErrCodes (and the documents) or into NOT_ANSWERED with the reason");
    }

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
