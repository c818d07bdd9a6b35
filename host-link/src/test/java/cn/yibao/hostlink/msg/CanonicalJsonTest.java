package cn.yibao.hostlink.msg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The canonical JSON form that records, requests, results and policy packs are signed in. */
class CanonicalJsonTest {

    static JsonNode parse(String json) {
        return Json.parse(json);
    }

    @Test
    void sortsKeysDropsWhitespaceKeepsNumbersAsWritten() {
        assertEquals("{\"a\":[1,2.50,null,true],\"b\":{\"x\":\"y\",\"z\":0.10},\"é\":\"长春\"}",
                CanonicalJson.text(parse("{ \"é\": \"长春\", \"b\": {\"z\": 0.10, \"x\": \"y\"},\n \"a\": [1, 2.50, null, true] }")));
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        assertEquals("{\"B\":1,\"a\":2,\"ä\":3}", CanonicalJson.text(parse("{\"ä\":3,\"a\":2,\"B\":1}")));
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertEquals("\"q\\\" b\\\\ n\\n t\\t u\\u0001 / 医\"",
                CanonicalJson.text(parse("\"q\\\" b\\\\ n\\n t\\t u\\u0001 \\/ \\u533b\"")));
    }

    @Test
    void sameContentSameBytes() {
        assertArrayEquals(CanonicalJson.bytes(parse("{\"b\":1,\"a\":{\"d\":2,\"c\":3}}")),
                CanonicalJson.bytes(parse("{\"a\" : {\"c\":3, \"d\":2}, \"b\" : 1}")));
    }

    @Test
    void refusesNumbersWhosePlainFormIsHuge() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CanonicalJson.text(parse("[1e999999]")))
                .getMessage().startsWith("canonical JSON: number out of range"));
    }
}
