package cn.yibao.terminal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.json.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundled Changchun 2010 pack and the reader's errors. */
class PolicyPackTest {

    static String bundled() {
        return new String(PolicyPacks.changchun2010Bytes(), StandardCharsets.UTF_8);
    }

    static String error(String json) {
        return assertThrows(InvalidInputException.class,
                () -> PolicyPackLoader.load(json.getBytes(StandardCharsets.UTF_8), PolicyTrust.none())).getMessage();
    }

    @Test
    void bundledPackHoldsTheChangchun2010Numbers() {
        PolicyPack p = PolicyPacks.changchun2010();
        assertEquals("220100/CC-2010.1", p.id());
        assertEquals("长春市", p.regionName());
        assertEquals(LocalDate.of(2010, 1, 1), p.effectiveFrom());
        assertNull(p.effectiveTo());
        assertEquals(Money.ofYuan(700), p.employeeInpatient().deductible().get(InstitutionLevel.MUNICIPAL));
        assertEquals(Money.ofYuan(400), p.employeeInpatient().deductible().get(InstitutionLevel.REHAB));
        assertEquals(Rate.parse("0.07"), p.employeeInpatient().ratioRetired().get(InstitutionLevel.DISTRICT));
        assertEquals(Money.ofYuan(45_000), p.employeeInpatient().annualPoolingLimit());
        assertEquals(2, p.employeeInpatient().largeAmountRelief().size());
        assertEquals(Money.ofYuan(1_950), p.employeeInpatient().outOfRegionDeductible());
        assertEquals(Money.ofYuan(200), p.residentInpatient().deductible().get(ResidentGroup.ADULT)
                .get(InstitutionLevel.REHAB));
        assertEquals(3, p.residentInpatient().bands().get(ResidentGroup.MINOR).get(InstitutionLevel.PROVINCIAL)
                .size());
        assertEquals(Rate.parse("0.4"), p.outpatientPooling().rates().get(ResidentGroup.MINOR));
        assertFalse(p.outpatientPooling().rates().containsKey(ResidentGroup.LOW_INCOME));
        assertEquals(Money.ofYuan(50), p.residentAllowance().get(ResidentGroup.LOW_INCOME));
    }

    @Test
    void counterSectionIsReadAndDefaultsWhenAbsent() {
        CounterPolicy c = PolicyPacks.changchun2010().counter();
        assertEquals(CounterPolicy.DEFAULT, c);
        assertEquals(3, c.dailyInsuredPurchases());
        assertEquals(Money.ofYuan(5_000), c.offline().maxInsuredAmount());
        assertEquals(java.time.Duration.ofHours(72), c.offline().maxAge());
        String json = bundled();
        String without = json.substring(0, json.indexOf(",\n  \"counter\"")) + "\n}\n";
        assertEquals(CounterPolicy.DEFAULT, PolicyPackLoader.load(without.getBytes(StandardCharsets.UTF_8),
                PolicyTrust.none()).counter());
        PolicyPack off = PolicyPackLoader.load(json.replace("\"refuse_empty_sale\": true", "\"refuse_empty_sale\": false")
                .replace("\"daily_insured_purchases\": 3", "\"daily_insured_purchases\": 0")
                .getBytes(StandardCharsets.UTF_8), PolicyTrust.none());
        assertFalse(off.counter().refuseEmptySale());
        assertEquals(0, off.counter().dailyInsuredPurchases());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"daily_insured_purchases\": 3|\"daily_insured_purchases\": -1|counter.daily_insured_purchases",
        "\"daily_insured_purchases\": 3|\"daily_insured_purchases\": \"3\"|counter.daily_insured_purchases",
        "\"refuse_empty_sale\": true|\"refuse_empty_sale\": 1|counter.refuse_empty_sale",
        "\"max_count\": 500|\"max_count\": 0|counter.offline.max_count",
        "\"max_hours\": 72|\"max_hours\": 745|counter.offline.max_hours",
        "\"max_insured_amount\": \"5000.00\"|\"max_insured_amount\": \"-1\"|counter.offline.max_insured_amount",
        "\"prescription_required\": true,|\"prescription_required\": true, \"x\": 1,|counter.x",
    })
    void counterSectionErrorsNameTheField(String from, String to, String field) {
        assertTrue(error(bundled().replace(from, to)).contains(field), field);
    }

    @Test
    void policyVersionIsWhatSignedRecordsAndTheHostNameThePackBy() {
        PolicyPack p = PolicyPacks.changchun2010();
        // region-version, as records have carried it since the first signed record: the host finds the pack by it
        assertEquals("220100-CC-2010.1", p.policyVersion());
        assertEquals(p.policyVersion(), p.withCounter(p.counter()).policyVersion());
    }

    @Test
    void effectiveRange() {
        PolicyPack p = PolicyPacks.changchun2010();
        assertTrue(p.isEffectiveOn(LocalDate.of(2010, 1, 1)));
        assertTrue(p.isEffectiveOn(LocalDate.of(2026, 11, 23)));
        assertFalse(p.isEffectiveOn(LocalDate.of(2009, 12, 31)));
        PolicyPack closed = PolicyPackLoader.load(bundled().replace("\"effective_to\": null",
                "\"effective_to\": \"2010-12-31\"").getBytes(StandardCharsets.UTF_8), PolicyTrust.none());
        assertTrue(closed.isEffectiveOn(LocalDate.of(2010, 12, 31)));
        assertFalse(closed.isEffectiveOn(LocalDate.of(2011, 1, 1)));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "\"REHAB\": \"400.00\"|employee_inpatient.deductible.REHAB: missing|\"PHARMACY\": \"400.00\"",
        "\"employee_retired\": \"0.08\"|self_share.employee_retired: rate out of [0, 1]: 1.08|\"employee_retired\": \"1.08\"",
        "\"annual_pooling_limit\": \"45000.00\"|employee_inpatient.annual_pooling_limit: more than two decimals|"
                + "\"annual_pooling_limit\": \"45000.001\"",
        "\"version\": \"CC-2010.1\"|version: 1 to 40 of [A-Za-z0-9._-] required|\"version\": \"CC 2010\"",
        "\"effective_from\": \"2010-01-01\"|effective_from: a date yyyy-MM-dd is required|\"effective_from\": \"2010\"",
        "\"format\": \"yibao-policy-pack/1\"|format: expected|\"format\": \"other/2\"",
        "\"code\": \"220100\"|region.code: six digits required|\"code\": \"2201\"",
        "\"out_of_region_groups\": [|resident_inpatient.out_of_region_groups[0]: unknown value \"ELDER\"|"
                + "\"out_of_region_groups\": [\"ELDER\", ",
        "\"out_of_region_groups\": [|resident_inpatient.out_of_region_groups[0]: unknown value \"NONE\" (expected one "
                + "of ADULT, MINOR, UNIVERSITY_STUDENT, LOW_INCOME)|\"out_of_region_groups\": [\"NONE\", ",
        "\"resident_allowance\": {|resident_allowance.NONE: unknown value \"NONE\" (expected one of ADULT, MINOR, "
                + "UNIVERSITY_STUDENT, LOW_INCOME)|\"resident_allowance\": {\"NONE\": \"1.00\", ",
        "\"up_to\": \"200000.00\"|employee_inpatient.large_amount_relief[1].up_to: bands must be strictly ascending|"
                + "\"up_to\": \"20000.00\"",
        "\"source\"|colour: unknown field|\"colour\": 1, \"source\"",
    })
    void malformedPacksNameTheField(String from, String expected, String to) {
        String json = bundled().replaceFirst(java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to));
        assertFalse(json.equals(bundled()), "the replacement must change the pack");
        String message = error(json);
        assertTrue(message.startsWith(expected), message);
    }

    @Test
    void ratesParseExactly() {
        assertEquals(120_000, Rate.parse("0.12").millionths());
        assertEquals("12%", Rate.parse("0.12").percent());
        assertEquals("12.5%", Rate.parse("0.125").percent());
        assertEquals("0.01%", Rate.parse("0.0001").percent());
        assertEquals("100%", Rate.parse("1").percent());
        assertEquals("0%", Rate.parse("0").percent());
        assertEquals(Money.ofFen(1), Rate.parse("0.10").apply(Money.ofFen(5)));
        assertEquals(Money.ofFen(0), Rate.parse("0.10").apply(Money.ofFen(4)));
        assertEquals(Money.ofFen(2532_88), Rate.parse("0.7").apply(Money.ofFen(3618_40)));
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("0.1234567"));
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("-0.1"));
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("x"));
    }
}
