package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A 400's message names the field and the rule in the integrator's terms, never a Java type or parser setting. */
class InputErrorsTest {

    private static final Pattern INTERNALS = Pattern.compile("java\\.|cn\\.yibao|com\\.fasterxml|StreamRead|JsonToken|`|Source:");
    private final InfnoRouter router = new InfnoRouter(UnreachedCounter.create());
    private final Envelopes envelopes = new Envelopes(Clock.systemUTC(), "220100");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2101|{'druginfo': {'psn_no': 'P0001'}, 'drugdetail': [{'feedetl_sn': '1', 'med_list_codg': 'X', 'cnt': 'abc'}]}|drugdetail[0].cnt: must be a number",
        "2101|{'druginfo': {'psn_no': 'P0001'}, 'drugdetail': [{'feedetl_sn': '1', 'med_list_codg': 'X', 'cnt': 1, 'pric': 'abc'}]}|drugdetail[0].pric: must be a number",
        "2101|{'druginfo': {'psn_no': 'P0001'}, 'drugdetail': [{'feedetl_sn': '1', 'med_list_codg': 'X', 'cnt': 1, 'pric': [1]}]}|drugdetail[0].pric: must be a number",
        "2101|{'druginfo': {'psn_no': 'P0001'}, 'drugdetail': [{'feedetl_sn': '1', 'med_list_codg': 'X', 'cnt': 1, 'pric': 1.2345678}]}|drugdetail[0]: pric must be a unit price in yuan",
        "2101|{'druginfo': 'x', 'drugdetail': []}|druginfo: must be an object",
        "2101|{'druginfo': {'psn_no': 'P0001'}, 'drugdetail': {}}|drugdetail: must be a list",
        "1312|{'data': {'page_size': 'x'}}|data.page_size: must be an integer",
        "5203|{'data': {'begndate': '2026-13-01'}}|data.begndate: must be a date yyyy-MM-dd",
        "5203|{'data': {'begndate': 5}}|data.begndate: must be a date yyyy-MM-dd",
        "3502|{'invinfo': {'chrgitm_lv': '77'}}|invinfo[0].chrgitm_lv: must be one of 01, 02, 03, 09",
    })
    void badFieldsAreNamedWithTheirRule(String infno, String input, String expected) {
        JsonNode in = envelopes.parse(infno, ("{\"msgid\": \"m\", \"input\": " + input.replace('\'', '"') + "}")
                .getBytes(StandardCharsets.UTF_8)).input();
        ApiException e = assertThrows(ApiException.class, () -> router.dispatch(infno, in, "m"));
        assertEquals(ApiError.BAD_INPUT, e.error());
        assertEquals(expected, e.detail().substring(0, Math.min(expected.length(), e.detail().length())), e.detail());
        assertFalse(INTERNALS.matcher(e.detail()).find(), e.detail());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"msgid\": \"m\", \"input\": {\"x\": 1|Unexpected end-of-input: expected close marker for Object",
        "{\"msgid\": \"m\", \"input\": {\"x\": 1NUMBER}}|a value is too long",
        "{\"msgid\": \"m\", \"input\": {\"x\": tru}}|Unrecognized token",
    })
    void aBodyThatIsNotJsonSaysWhyInJsonTerms(String body, String expected) {
        byte[] bytes = body.replace("NUMBER", "0".repeat(1500)).getBytes(StandardCharsets.UTF_8);
        ApiException e = assertThrows(ApiException.class, () -> envelopes.parse("1101", bytes));
        assertEquals(ApiError.BAD_JSON, e.error());
        assertFalse(INTERNALS.matcher(e.detail()).find(), e.detail());
        assertEquals(expected, e.detail().substring(0, Math.min(expected.length(), e.detail().length())), e.detail());
    }
}
