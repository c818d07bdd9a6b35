package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.settlement.ItemClass.A;
import static cn.yibao.terminal.settlement.ItemClass.B;
import static cn.yibao.terminal.settlement.ItemClass.C;
import static cn.yibao.terminal.settlement.ItemClass.N;
import static cn.yibao.terminal.settlement.WorkedExamplesTest.eq;
import static cn.yibao.terminal.settlement.WorkedExamplesTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.policy.InstitutionLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Resident, outpatient, pharmacy, special-care and refusal rules (RULES.md §4, §6, §7). */
class ResidentRulesTest {

    @ParameterizedTest(name = "{0} at {1}, E {2}: deductible {3}, fund {4}")
    @CsvSource({
        // adult: (d, 5000] and (5000, 45000] at the level's rates; e.g. PROVINCIAL 4100 × 50 % + 3000 × 55 %
        "ADULT, PROVINCIAL, 8000.00, 900.00, 3700.00",
        "ADULT, DISTRICT, 8000.00, 300.00, 5540.00",
        "ADULT, REHAB, 8000.00, 200.00, 5610.00",
        "ADULT, MUNICIPAL, 5000.00, 600.00, 2640.00",
        "ADULT, MUNICIPAL, 5000.01, 600.00, 2640.01",
        "ADULT, MUNICIPAL, 45000.00, 600.00, 28640.00",
        "ADULT, MUNICIPAL, 50000.00, 600.00, 28640.00",
        "ADULT, MUNICIPAL, 599.99, 599.99, 0.00",
        "LOW_INCOME, PROVINCIAL, 8000.00, 300.00, 5540.00",
        "LOW_INCOME, MUNICIPAL, 8000.00, 200.00, 5610.00",
        "LOW_INCOME, REHAB, 8000.00, 100.00, 5680.00",
        // students: (100, 10000] 75 %, (10000, 50000] 80 %, (50000, 80000] 85 %, above nothing
        "MINOR, PROVINCIAL, 10000.00, 100.00, 7425.00",
        "MINOR, DISTRICT, 50000.00, 100.00, 39425.00",
        "UNIVERSITY_STUDENT, MUNICIPAL, 80000.00, 100.00, 64925.00",
        "UNIVERSITY_STUDENT, MUNICIPAL, 90000.00, 100.00, 64925.00",
        "MINOR, MUNICIPAL, 50.00, 50.00, 0.00",
    })
    void residentInpatientBands(ResidentGroup group, InstitutionLevel level, String amount, String deductible,
            String fund) {
        SetlAmounts s = settle(RequestBuilder.resident(group).inpatient(level).item(A, amount)).setlinfo();
        eq(deductible, s.actPayDedc());
        eq(fund, s.hifpPay());
        eq(amount, s.psnCashPay().plus(s.hifpPay()));
    }

    @Test
    void residentSelfShareAndRetiredResident() {
        eq("150.00", settle(RequestBuilder.resident(ResidentGroup.ADULT).inpatient(InstitutionLevel.MUNICIPAL)
                .item(B, "1000.00")).setlinfo().preselfpayAmt());
        eq("100.00", settle(RequestBuilder.resident(ResidentGroup.ADULT).retired()
                .inpatient(InstitutionLevel.MUNICIPAL).item(B, "1000.00")).setlinfo().preselfpayAmt());
    }

    @Test
    void residentsNeverUseTheCardBalanceInHospital() {
        SetlAmounts s = settle(RequestBuilder.resident(ResidentGroup.LOW_INCOME).balance("50.00")
                .inpatient(InstitutionLevel.MUNICIPAL).item(A, "1000.00")).setlinfo();
        eq("0.00", s.acctPay());
        eq("50.00", s.balc());
    }

    @Test
    void adultResidentOutOfRegionIsRefused() {
        SettlementRefusedException e = assertThrows(SettlementRefusedException.class, () -> settle(
                RequestBuilder.resident(ResidentGroup.ADULT).outOfRegion().inpatient(InstitutionLevel.MUNICIPAL)
                        .item(A, "1000.00")));
        assertEquals(SettlementRefusal.RESIDENT_OUT_OF_REGION, e.reason());
        assertEquals("RESIDENT_OUT_OF_REGION", e.refusal().code());
        assertTrue(e.refusal().messageZh().contains("成年居民"));
    }

    @Test
    void studentOutOfRegionIsSettledByTheTable() {
        eq("675.00", settle(RequestBuilder.resident(ResidentGroup.UNIVERSITY_STUDENT).outOfRegion()
                .inpatient(InstitutionLevel.PROVINCIAL).item(A, "1000.00")).setlinfo().hifpPay());
    }

    @Test
    void outpatientPoolingAtDistrictUpToTheAnnualCeiling() {
        SettlementResult first = settle(RequestBuilder.resident(ResidentGroup.ADULT)
                .visit(VisitType.OUTPATIENT, InstitutionLevel.DISTRICT).item(A, "300.00"));
        eq("90.00", first.setlinfo().hifpPay());
        eq("300.00", first.yearToDateAfter().outpatient());
        SettlementResult crossing = settle(RequestBuilder.resident(ResidentGroup.ADULT)
                .visit(VisitType.OUTPATIENT, InstitutionLevel.DISTRICT).ytd("0", "0", "300.00").item(A, "300.00"));
        eq("30.00", crossing.setlinfo().hifpPay());
        eq("0.00", settle(RequestBuilder.resident(ResidentGroup.ADULT)
                .visit(VisitType.OUTPATIENT, InstitutionLevel.DISTRICT).ytd("0", "0", "400.00").item(A, "300.00"))
                .setlinfo().hifpPay());
        eq("40.00", settle(RequestBuilder.resident(ResidentGroup.MINOR)
                .visit(VisitType.OUTPATIENT, InstitutionLevel.DISTRICT).item(A, "100.00")).setlinfo().hifpPay());
    }

    @Test
    void outpatientPoolingExclusions() {
        for (RequestBuilder b : List.of(
                RequestBuilder.resident(ResidentGroup.UNIVERSITY_STUDENT).visit(VisitType.OUTPATIENT,
                        InstitutionLevel.DISTRICT),
                RequestBuilder.resident(ResidentGroup.LOW_INCOME).visit(VisitType.OUTPATIENT,
                        InstitutionLevel.DISTRICT),
                RequestBuilder.resident(ResidentGroup.ADULT).visit(VisitType.OUTPATIENT, InstitutionLevel.MUNICIPAL),
                RequestBuilder.resident(ResidentGroup.ADULT).pharmacy(),
                RequestBuilder.poolOnly().visit(VisitType.OUTPATIENT, InstitutionLevel.DISTRICT))) {
            SettlementResult r = settle(b.item(A, "100.00"));
            eq("0.00", r.setlinfo().fundPaySumamt());
            eq("0.00", r.yearToDateAfter().outpatient());
        }
    }

    @Test
    void lowIncomeAllowancePaysOutpatientAndPharmacy() {
        SetlAmounts s = settle(RequestBuilder.resident(ResidentGroup.LOW_INCOME).balance("50.00").pharmacy()
                .item(A, "80.00")).setlinfo();
        eq("50.00", s.acctPay());
        eq("30.00", s.psnCashPay());
        eq("0.00", s.balc());
    }

    @ParameterizedTest(name = "{0} accident, E {1}: fund {2}")
    @CsvSource({
        "MINOR, 99.99, 0.00",
        "MINOR, 100.00, 80.00",
        "UNIVERSITY_STUDENT, 5000.00, 4000.00",
        "UNIVERSITY_STUDENT, 6000.00, 4000.00",
    })
    void studentsAccidentalInjury(ResidentGroup group, String amount, String fund) {
        eq(fund, settle(RequestBuilder.resident(group).visit(VisitType.ACCIDENT_OUTPATIENT, InstitutionLevel.MUNICIPAL)
                .item(A, amount)).setlinfo().hifpPay());
    }

    @Test
    void adultAccidentIsAnOrdinaryOutpatientVisit() {
        eq("30.00", settle(RequestBuilder.resident(ResidentGroup.ADULT)
                .visit(VisitType.ACCIDENT_OUTPATIENT, InstitutionLevel.DISTRICT).item(A, "100.00")).setlinfo()
                .hifpPay());
    }

    @Test
    void specialCarePaysEverythingButClassC() {
        SettlementResult cadre = settle(RequestBuilder.specialCare().retired().inpatient(InstitutionLevel.PROVINCIAL)
                .item(A, "1000.00").item(B, "500.00").item(C, "200.00"));
        eq("0.00", cadre.setlinfo().preselfpayAmt());
        eq("1500.00", cadre.setlinfo().othPay());
        eq("200.00", cadre.setlinfo().psnCashPay());
        assertEquals(FundPayType.RETIRED_CADRES, cadre.setldetail().get(0).type());
        SettlementResult veteran = settle(RequestBuilder.specialCare().pharmacy().item(B, "10.00"));
        eq("10.00", veteran.setlinfo().othPay());
        assertEquals(FundPayType.DISABLED_VETERANS, veteran.setldetail().get(0).type());
    }

    @Test
    void nonMedicalItemRefusesTheWholeSale() {
        SettlementRefusedException e = assertThrows(SettlementRefusedException.class, () -> settle(
                RequestBuilder.employee().balance("100.00").pharmacy().item(A, "10.00").item(N, "5.00")));
        assertEquals(SettlementRefusal.NON_MEDICAL_ITEM, e.reason());
        assertTrue(e.refusal().messageZh().contains("第2项 X2"));
        assertTrue(e.refusal().message().contains("items[1]"));
    }

    @Test
    void emptySaleIsRefused() {
        assertEquals(SettlementRefusal.NO_ITEMS, assertThrows(SettlementRefusedException.class,
                () -> settle(RequestBuilder.employee().pharmacy())).reason());
    }
}
