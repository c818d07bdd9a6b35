package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.ChrgitmLv;
import cn.yibao.terminal.counter.DrugInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ApiJsonTest {

    private final ObjectMapper json = ApiJson.mapper();

    @Test
    void amountsAreNumbersWithTwoDecimals() throws Exception {
        Map<String, Money> amounts = new TreeMap<>(Map.of("a", Money.ofFen(5990), "b", Money.ZERO,
                "c", Money.ofFen(-1230), "d", Money.ofFen(Money.MAX_FEN)));
        assertEquals("{\"a\":59.90,\"b\":0.00,\"c\":-12.30,\"d\":100000000.00}", json.writeValueAsString(amounts));
    }

    @Test
    void amountsAreReadFromNumbersOrStringsWithAtMostTwoDecimals() throws Exception {
        assertEquals(Money.ofFen(1250), json.readValue("{\"psn_no\":\"P1\",\"acct_pay\":12.5}", DrugInfo.class).acctPay());
        assertEquals(Money.ofFen(1250), json.readValue("{\"psn_no\":\"P1\",\"acct_pay\":\"12.50\"}", DrugInfo.class)
                .acctPay());
        assertThrows(Exception.class, () -> json.readValue("{\"psn_no\":\"P1\",\"acct_pay\":12.345}", DrugInfo.class));
        assertThrows(Exception.class, () -> json.readValue("{\"psn_no\":\"P1\",\"acct_pay\":\"abc\"}", DrugInfo.class));
        assertThrows(Exception.class, () -> json.readValue("{\"psn_no\":\"P1\",\"acct_pay\":-1}", DrugInfo.class));
    }

    @Test
    void namesAreSnakeCaseTimesAreNationalAndClassesAreCodes() throws Exception {
        CatalogItem item = new CatalogItem("X1", "阿莫西林", null, null, ChrgitmLv.B, Money.ofFen(1280), "1");
        assertEquals("{\"hilist_code\":\"X1\",\"hilist_name\":\"阿莫西林\",\"chrgitm_lv\":\"02\",\"pric\":12.80,"
                + "\"rx_flag\":\"1\"}", json.writeValueAsString(item));
        assertEquals("\"2026-11-23 10:30:05\"", json.writeValueAsString(LocalDateTime.of(2026, 11, 23, 10, 30, 5)));
        assertEquals(LocalDateTime.of(2026, 11, 23, 10, 30, 5),
                json.readValue("\"2026-11-23 10:30:05\"", LocalDateTime.class));
    }

    @Test
    void catalogClassesAreReadByCodeOrByName() throws Exception {
        assertEquals(ChrgitmLv.B, json.readValue("\"02\"", ChrgitmLv.class));
        assertEquals(ChrgitmLv.B, json.readValue("\"B\"", ChrgitmLv.class));
        assertEquals(ChrgitmLv.N, json.readValue("\"09\"", ChrgitmLv.class));
        assertEquals("\"09\"", json.writeValueAsString(ChrgitmLv.N));
        Exception e = assertThrows(Exception.class, () -> json.readValue("\"77\"", ChrgitmLv.class));
        assertTrue(e.getMessage().startsWith("must be one of 01, 02, 03, 09, not \"77\""), e.getMessage());
    }
}
