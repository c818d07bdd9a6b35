package cn.yibao.hostlink.msg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

    @Test
    void requestUsesNationalFieldNames() {
        ObjectNode in = Json.object().put("opter_no", "001");
        Request r = Request.of(Infno.SIGN_IN, "M1", "H22010100001", "001", "", in);
        ObjectNode json = r.toJson();
        for (String f : new String[] {"infno", "msgid", "inf_time", "fixmedins_code", "sign_no", "opter", "input"}) {
            assertTrue(json.has(f), f);
        }
        assertEquals("9001", json.get("infno").asText());
        assertEquals(r, Request.fromJson(Json.parse(Json.bytes(json))));
    }

    @Test
    void requestInputIsDefensivelyCopied() {
        ObjectNode in = Json.object().put("a", 1);
        Request r = Request.of(Infno.HEARTBEAT, "M2", "H1", "001", "S", in);
        in.put("a", 2);
        r.input().put("a", 3);
        assertEquals(1, r.input().get("a").asInt());
    }

    @Test
    void badFieldsAreRefusedInTheConstructor() {
        ObjectNode in = Json.object();
        assertThrows(MalformedMessageException.class,
                () -> new Request("90", "M", "V1.0", "1", "o", "2026-11-23 12:00:00", "H", "", in));
        assertThrows(MalformedMessageException.class,
                () -> new Request("9001", "M id", "V1.0", "1", "o", "2026-11-23 12:00:00", "H", "", in));
        assertThrows(MalformedMessageException.class,
                () -> new Request("9001", "M", "V1.0", "1", "o", "23/11/2026", "H", "", in));
        assertThrows(MalformedMessageException.class,
                () -> new Response(7, "M", "2026-11-23 12:00:00", "", in));
        assertThrows(MalformedMessageException.class,
                () -> new Response(-1, "M", "2026-11-23 12:00:00", "", in));
    }

    @Test
    void refusalCarriesItsStableCode() {
        Request r = Request.of(Infno.CANCEL, "M3", "H1", "001", "S", Json.object());
        Response resp = Response.refused(r, LinkRefusal.SETTLEMENT_NOT_FOUND, Json.object());
        assertFalse(resp.ok());
        assertEquals("SETTLEMENT_NOT_FOUND", resp.code());
        assertEquals("M3", resp.infRefmsgid());
        assertTrue(resp.errMsg().startsWith("SETTLEMENT_NOT_FOUND: "));
    }

    @Test
    void cancellationCodesShareOneKind() {
        assertEquals(Infno.CANCEL, Infno.of("2103").orElseThrow());
        assertEquals(Infno.CANCEL, Infno.of("2305").orElseThrow());
        assertEquals(Infno.CANCEL, Infno.of("2208").orElseThrow());
        assertTrue(Infno.of("1234").isEmpty());
    }
}
