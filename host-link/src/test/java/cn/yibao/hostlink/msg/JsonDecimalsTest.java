package cn.yibao.hostlink.msg;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Money on the link is read and written as the decimal it is: never through a {@code double}. */
class JsonDecimalsTest {

    @Test
    void decimalsAreReadAsBigDecimalWithTheirScaleAndWrittenBackAsSent() {
        String setlinfo = "{\"acct_pay\":30.00,\"fund_pay_sumamt\":0.10,\"medfee_sumamt\":12345678901234.57,"
                + "\"psn_cash_pay\":0.3}";
        JsonNode n = Json.parse(setlinfo);
        assertAll(() -> assertTrue(n.get("acct_pay").isBigDecimal(), "read as a BigDecimal, not a double"),
                () -> assertEquals(new BigDecimal("30.00"), n.get("acct_pay").decimalValue()),
                // a double would have lost the cent: 12345678901234.57 has 16 significant digits
                () -> assertEquals(new BigDecimal("12345678901234.57"), n.get("medfee_sumamt").decimalValue()),
                () -> assertEquals(setlinfo, CanonicalJson.text(n)),
                () -> assertEquals(setlinfo, new String(Json.bytes(n), StandardCharsets.UTF_8)));
    }

    @Test
    void aResponseCarryingAStoredResultKeepsItsAmountsAsWritten() {
        Request req = Request.of(Infno.CANCEL, "M1", "H1", "001", "S", Json.object());
        Response r = Response.ok(req, Json.object().set("setlinfo", Json.parse("{\"acct_pay\":30.00}")));
        String wire = new String(Json.bytes(r.toJson()), StandardCharsets.UTF_8);
        Response back = Response.fromJson(Json.parse(wire));
        assertAll(() -> assertTrue(wire.contains("\"acct_pay\":30.00"), wire),
                () -> assertEquals("30.00", back.output().path("setlinfo").path("acct_pay").decimalValue().toPlainString()));
    }
}
