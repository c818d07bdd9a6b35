package cn.yibao.terminal.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.InvalidInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Strict reading of the request JSON: every error names the field. */
class RequestJsonTest {

    /** A valid request; {@code %s} placeholders are replaced by the tests. */
    static final String VALID = """
            {"person": {"category": "EMPLOYEE", "resident_group": null, "retired": false,
                        "civil_servant": false, "insurance_status": "NORMAL", "account_balance": "300.00"},
             "visit": {"type": "INPATIENT", "level": "MUNICIPAL", "out_of_region": false},
             "year_to_date": {"base": "0.00", "over_limit": "0.00", "outpatient": "0.00"},
             "use_account": true,
             "items": [{"code": "X001", "name": "头孢克肟片", "class": "A", "amount": "7500.00"},
                       {"code": "X002", "name": "乙类", "class": "B", "amount": 2000},
                       {"code": "X003", "name": "丙类", "class": "C", "amount": 500.5}]}
            """;

    static SettlementRequest read(String json) {
        return RequestJson.read(json.getBytes(StandardCharsets.UTF_8));
    }

    static String error(String json) {
        return assertThrows(InvalidInputException.class, () -> read(json)).getMessage();
    }

    @Test
    void readsTheDocumentedShape() {
        SettlementRequest r = read(VALID);
        assertEquals(PersonCategory.EMPLOYEE, r.person().category());
        assertEquals(Money.parseYuan("300.00"), r.person().accountBalance());
        assertEquals(3, r.items().size());
        assertEquals(Money.parseYuan("2000"), r.items().get(1).amount());
        assertEquals(Money.parseYuan("500.50"), r.items().get(2).amount());
        assertEquals("头孢克肟片", r.items().get(0).name());
        assertTrue(r.useAccount());
    }

    @Test
    void missingYearToDateMeansZerosAndMissingUseAccountMeansTrue() {
        SettlementRequest r = read(VALID.replace("\"year_to_date\": {\"base\": \"0.00\", \"over_limit\": \"0.00\", "
                + "\"outpatient\": \"0.00\"},", "").replace("\"use_account\": true,", ""));
        assertEquals(YearToDate.ZERO, r.yearToDate());
        assertTrue(r.useAccount());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"amount\": 500.5}|items[2].amount: more than two decimals|\"amount\": 500.555}",
        "\"7500.00\"|items[0].amount: more than two decimals|\"7500.001\"",
        "\"7500.00\"|items[0].amount: must not be negative|\"-1.00\"",
        "\"amount\": 2000}|items[1].amount: must not be negative|\"amount\": -2000}",
        "\"7500.00\"|items[0].amount: not an amount in yuan: \"12abc\"|\"12abc\"",
        "\"7500.00\"|items[0].amount: not an amount in yuan: \"1e3\"|\"1e3\"",
        "\"7500.00\"|items[0].amount: more than 1000000.00 yuan|\"99999999999.00\"",
        "\"amount\": 2000}|items[1].amount: more than 1000000.00 yuan|\"amount\": 1e300}",
        "\"7500.00\"|items[0].amount: an amount in yuan (string or number) is required|true",
        "\"300.00\"|person.account_balance: more than 1000000.00 yuan|\"1000000.01\"",
        "\"class\": \"A\"|items[0].class: unknown value \"Z\" (expected one of A, B, C, N)|\"class\": \"Z\"",
        "\"EMPLOYEE\"|person.category: unknown value \"employee\"|\"employee\"",
        "\"MUNICIPAL\"|visit.level: unknown value \"CITY\"|\"CITY\"",
        "\"NORMAL\"|person.insurance_status: a string is required|3",
        "\"retired\": false|person.retired: true or false is required|\"retired\": \"no\"",
        "\"retired\": false,|person.retired: missing|",
        "\"code\": \"X001\", |items[0].code: missing|",
        "\"code\": \"X001\"|items[0].code: must be 1 to 64 characters|\"code\": \"\"",
        "\"use_account\": true|use_account: true or false is required|\"use_account\": 1",
        "\"use_account\": true|colour: unknown field|\"use_account\": true, \"colour\": 1",
        "\"out_of_region\": false|visit.oor: unknown field|\"out_of_region\": false, \"oor\": 1",
        "\"resident_group\": null|person.resident_group: only allowed for RESIDENT|\"resident_group\": \"ADULT\"",
        "\"resident_group\": null|person.resident_group: unknown value \"NONE\" (expected one of ADULT, MINOR, "
                + "UNIVERSITY_STUDENT, LOW_INCOME)|\"resident_group\": \"NONE\"",
        "\"NORMAL\"|person.insurance_status: unknown value \"ACTIVE\" (expected one of NORMAL, ARREARS, SUSPENDED)"
                + "|\"ACTIVE\"",
        "\"civil_servant\": false, \"insurance_status\": \"NORMAL\"|person.civil_servant: missing|"
                + "\"insurance_status\": \"NORMAL\"",
        "\"base\": \"0.00\"|year_to_date.base: must not be negative|\"base\": \"-0.01\"",
        "\"over_limit\": \"0.00\", |year_to_date.over_limit: missing|",
    })
    void badFieldsAreNamed(String from, String expected, String to) {
        String json = VALID.replace(from, to == null ? "" : to);
        assertTrue(!json.equals(VALID), "the replacement must change the document");
        String message = error(json);
        assertTrue(message.startsWith(expected), message);
    }

    @Test
    void aNumberBeyondAnyRangeIsMalformedInputNotACrash() {
        // found by RequestFuzzTest (seed 14488547104869): Jackson throws NumberFormatException here
        assertTrue(error(VALID.replace("\"amount\": 2000", "\"amount\": 1e999999999999")).contains("a number out of range"));
        assertTrue(assertThrows(InvalidInputException.class, () -> FileJson.parse(
                "{\"a\": 1e999999999999}".getBytes(java.nio.charset.StandardCharsets.UTF_8), 100, "doc"))
                .getMessage().contains("a number out of range"));
    }

    @Test
    void pharmacyLevelMustMatchThePharmacyVisit() {
        assertEquals("visit.level: level PHARMACY is only allowed for a PHARMACY visit",
                error(VALID.replace("\"MUNICIPAL\"", "\"PHARMACY\"")));
        assertEquals("visit.level: a PHARMACY visit needs level PHARMACY",
                error(VALID.replace("\"INPATIENT\"", "\"PHARMACY\"")));
    }

    @Test
    void residentNeedsAGroup() {
        assertEquals("person.resident_group: missing (required for RESIDENT)",
                error(VALID.replace("\"EMPLOYEE\"", "\"RESIDENT\"")));
    }

    @Test
    void structuralErrors() {
        assertTrue(error("").startsWith("request: empty document"), error(""));
        assertTrue(error("{").startsWith("request: malformed JSON at line 1"), error("{"));
        assertTrue(error("[]").startsWith("(document): an object is required"));
        assertTrue(error(VALID + "{}").startsWith("request: malformed JSON"));
        assertTrue(error(VALID.replace("\"use_account\": true,", "\"use_account\": true, \"use_account\": false,"))
                .contains("Duplicate field 'use_account'"));
        assertEquals("items: an array is required", error(VALID.replace("\"items\": [", "\"items\": {\"a\": [")
                .replace("]}\n", "]}}\n")));
        assertEquals("person: missing", error(VALID.replace("\"person\"", "\"persona\"").replace("{\"persona\"",
                "{\"person\": null, \"x\"")).replace("x: unknown field", "person: missing"));
    }

    @Test
    void tooManyItemsIsRejectedBeforeTheItemsAreRead() {
        StringBuilder items = new StringBuilder("[");
        for (int i = 0; i < Limits.MAX_ITEMS + 1; i++) {
            items.append(i == 0 ? "" : ",").append("{}");
        }
        String json = VALID.substring(0, VALID.indexOf("\"items\"")) + "\"items\": " + items + "]}";
        assertEquals("items: more than 10000 elements", error(json));
    }

    @Test
    void tooLargeDocumentIsRejected() {
        byte[] big = new byte[Limits.MAX_REQUEST_BYTES + 1];
        assertEquals("request: larger than 4194304 bytes",
                assertThrows(InvalidInputException.class, () -> RequestJson.read(big)).getMessage());
    }

    @Test
    void totalIsBounded() {
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            items.append(i == 0 ? "" : ",").append("{\"code\": \"X\", \"name\": \"\", \"class\": \"A\", "
                    + "\"amount\": \"1000000.00\"}");
        }
        String json = VALID.substring(0, VALID.indexOf("\"items\"")) + "\"items\": [" + items + "]}";
        assertEquals("items: total more than 10000000.00 yuan", error(json));
    }

    @Test
    void canonicalRenderingIsDeterministicAndRoundTrips() {
        SettlementRequest r = read(VALID);
        String canonical = new String(RequestJson.canonical(r), StandardCharsets.UTF_8);
        assertEquals("{\"items\":[{\"amount\":7500.00,\"class\":\"A\",\"code\":\"X001\",\"name\":\"头孢克肟片\"},"
                + "{\"amount\":2000.00,\"class\":\"B\",\"code\":\"X002\",\"name\":\"乙类\"},"
                + "{\"amount\":500.50,\"class\":\"C\",\"code\":\"X003\",\"name\":\"丙类\"}],"
                + "\"person\":{\"account_balance\":300.00,\"category\":\"EMPLOYEE\",\"civil_servant\":false,"
                + "\"insurance_status\":\"NORMAL\",\"resident_group\":null,\"retired\":false},"
                + "\"use_account\":true,\"visit\":{\"level\":\"MUNICIPAL\",\"out_of_region\":false,"
                + "\"type\":\"INPATIENT\"},\"year_to_date\":{\"base\":0.00,\"outpatient\":0.00,\"over_limit\":0.00}}",
                canonical);
        assertEquals(r, RequestJson.read(RequestJson.canonical(r)));
        assertFalse(canonical.contains(" "));
    }
}
