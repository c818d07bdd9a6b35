package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.settlement.ItemClass.A;
import static cn.yibao.terminal.settlement.ItemClass.B;
import static cn.yibao.terminal.settlement.ItemClass.C;
import static cn.yibao.terminal.settlement.WorkedExamplesTest.eq;
import static cn.yibao.terminal.settlement.WorkedExamplesTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.terminal.policy.InstitutionLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Employee inpatient rules (RULES.md §5) at every boundary. */
class EmployeeRulesTest {

    @ParameterizedTest(name = "{0} retired={1}: deductible {2}, 自负 {3}")
    @CsvSource({
        "PROVINCIAL, false, 1000.00, 1350.00",
        "MUNICIPAL,  false,  700.00, 1116.00",
        "DISTRICT,   false,  400.00,  864.00",
        "REHAB,      false,  400.00,  864.00",
        "PROVINCIAL, true,  1000.00, 1170.00",
        "MUNICIPAL,  true,   700.00,  930.00",
        "DISTRICT,   true,   400.00,  672.00",
        "REHAB,      true,   400.00,  672.00",
    })
    void deductibleAndRatioByLevel(InstitutionLevel level, boolean retired, String deductible, String selfPay) {
        RequestBuilder b = RequestBuilder.employee().inpatient(level).item(A, "10000.00");
        SetlAmounts s = settle(retired ? b.retired() : b).setlinfo();
        eq(deductible, s.actPayDedc());
        eq(selfPay, s.poolPropSelfpay());
        assertEquals(10_000_00L - s.actPayDedc().fen() - s.poolPropSelfpay().fen(), s.hifpPay().fen());
    }

    @Test
    void deductibleLargerThanTheBill() {
        SetlAmounts s = settle(RequestBuilder.employee().balance("1000.00").inpatient(InstitutionLevel.PROVINCIAL)
                .item(A, "600.00").item(B, "300.00")).setlinfo();
        eq("30.00", s.preselfpayAmt());
        eq("870.00", s.inscpScpAmt());
        eq("870.00", s.actPayDedc());
        eq("0.00", s.hifpPay());
        eq("900.00", s.acctPay());
        eq("100.00", s.balc());
    }

    @Test
    void selfShareIsRoundedPerItem() {
        // two class-B items of 0.05: 10 % is half a fen each, rounded up per item = 0.02 (0.01 on the sum)
        SetlAmounts s = settle(RequestBuilder.employee().pharmacy().item(B, "0.05").item(B, "0.05")).setlinfo();
        eq("0.02", s.preselfpayAmt());
        eq("0.08", s.inscpScpAmt());
    }

    @Test
    void poolingLimitCrossedThisAdmission() {
        // base 8600, room 45000 − 40000 = 5000: in band 5000, over 3600 at 75 %
        SettlementResult r = settle(RequestBuilder.employee().inpatient(InstitutionLevel.MUNICIPAL)
                .ytd("40000.00", "0.00", "0.00").item(A, "7500.00").item(B, "2000.00").item(C, "500.00"));
        SetlAmounts s = r.setlinfo();
        eq("600.00", s.poolPropSelfpay());
        eq("4400.00", s.hifpPay());
        eq("2700.00", s.hifobPay());
        eq("45000.00", r.yearToDateAfter().base());
        eq("3600.00", r.yearToDateAfter().overLimit());
        assertEquals(List.of(FundPayType.EMPLOYEE_POOLING, FundPayType.LARGE_AMOUNT),
                r.setldetail().stream().map(FundPayment::type).toList());
    }

    @Test
    void poolingLimitAlreadyExhausted() {
        SetlAmounts s = settle(RequestBuilder.employee().inpatient(InstitutionLevel.MUNICIPAL)
                .ytd("50000.00", "0.00", "0.00").item(A, "10700.00")).setlinfo();
        eq("0.00", s.hifpPay());
        eq("0.00", s.poolPropSelfpay());
        eq("7500.00", s.hifobPay()); // 10000 over, all in [0, 30000) at 75 %
    }

    @Test
    void largeAmountBandsSplitAtThirtyThousand() {
        // over 3000 with 29000 already over: 1000 × 75 % + 2000 × 85 %
        SetlAmounts s = settle(RequestBuilder.employee().inpatient(InstitutionLevel.MUNICIPAL)
                .ytd("45000.00", "29000.00", "0.00").item(A, "3700.00")).setlinfo();
        eq("2450.00", s.hifobPay());
    }

    @Test
    void largeAmountPaysNothingBeyondTwoHundredThousand() {
        SettlementResult r = settle(RequestBuilder.employee().inpatient(InstitutionLevel.MUNICIPAL)
                .ytd("45000.00", "199000.00", "0.00").item(A, "3700.00"));
        eq("850.00", r.setlinfo().hifobPay());
        assertTrue(r.explain().stream().anyMatch(l -> l.en().contains("2000.00 beyond 200000.00 is not paid")));
    }

    @Test
    void largeAmountBandEdgesRoundEachBand() {
        // over 0.03 across the 30000 edge: 0.01 × 75 % = 0.0075 → 0.01 and 0.02 × 85 % = 0.017 → 0.02
        SetlAmounts s = settle(RequestBuilder.employee().inpatient(InstitutionLevel.MUNICIPAL)
                .ytd("45000.00", "29999.99", "0.00").item(A, "700.03")).setlinfo();
        eq("0.03", s.hifobPay());
    }

    @Test
    void civilServantOverLimitGetsNinetyPercentAndNoRelief() {
        // base 8600, room 5000: 自负 600, over 3600; subsidy (200 + 700 + 600) × 70 % + 3600 × 90 %
        SetlAmounts s = settle(RequestBuilder.employee().civilServant().inpatient(InstitutionLevel.MUNICIPAL)
                .ytd("40000.00", "0.00", "0.00").item(A, "7500.00").item(B, "2000.00").item(C, "500.00"))
                .setlinfo();
        eq("4290.00", s.cvlservPay()); // 1050.00 + 3240.00
        eq("0.00", s.hifobPay());
        eq("10000.00", s.fundPaySumamt().plus(s.psnPartAmt()));
    }

    @Test
    void largestPositionsAndLargestBillStayInRange() {
        RequestBuilder b = RequestBuilder.employee().balance("1000000.00").inpatient(InstitutionLevel.PROVINCIAL)
                .ytd("10000000.00", "10000000.00", "10000000.00");
        for (int i = 0; i < 10; i++) {
            b.item(A, "1000000.00");
        }
        SettlementResult r = settle(b);
        eq("0.00", r.setlinfo().hifpPay());
        eq("0.00", r.setlinfo().hifobPay());
        eq("19999000.00", r.yearToDateAfter().overLimit());
        eq("0.00", r.setlinfo().balc());
    }

    @Test
    void poolOnlyEmployeeHasNoAccount() {
        SetlAmounts s = settle(RequestBuilder.poolOnly().balance("500.00").inpatient(InstitutionLevel.MUNICIPAL)
                .item(A, "1000.00")).setlinfo();
        eq("264.00", s.hifpPay()); // (1000 − 700) × 88 %
        eq("0.00", s.acctPay());
        eq("736.00", s.psnCashPay());
        eq("500.00", s.balc());
    }

    @Test
    void accountCoversThePersonsPartWhenTheBalanceIsLarge() {
        SetlAmounts s = settle(RequestBuilder.employee().balance("5000.00").inpatient(InstitutionLevel.MUNICIPAL)
                .item(A, "1000.00")).setlinfo();
        eq("736.00", s.acctPay());
        eq("0.00", s.psnCashPay());
        eq("4264.00", s.balc());
    }

    @Test
    void accountNotUsedWhenTheRequestSaysSo() {
        SetlAmounts s = settle(RequestBuilder.employee().balance("5000.00").noAccount().pharmacy().item(A, "10.00"))
                .setlinfo();
        eq("0.00", s.acctPay());
        eq("10.00", s.psnCashPay());
        eq("5000.00", s.balc());
    }

    @Test
    void outOfRegionBelowTheFlatDeductible() {
        SetlAmounts s = settle(RequestBuilder.employee().outOfRegion().inpatient(InstitutionLevel.DISTRICT)
                .item(B, "1000.00").item(C, "10.00")).setlinfo();
        eq("0.00", s.preselfpayAmt());
        eq("1000.00", s.actPayDedc());
        eq("0.00", s.hifpPay());
    }

    @Test
    void outOfRegionCivilServantGetsNoSubsidy() {
        SetlAmounts s = settle(RequestBuilder.employee().civilServant().outOfRegion()
                .inpatient(InstitutionLevel.MUNICIPAL).item(A, "2950.00")).setlinfo();
        eq("700.00", s.hifpPay());
        eq("0.00", s.cvlservPay());
    }

    @Test
    void employeePharmacyPaysEverythingFromTheAccount() {
        SettlementResult r = settle(RequestBuilder.employee().balance("30.00").pharmacy()
                .item(A, "10.00").item(B, "10.00").item(C, "15.00"));
        SetlAmounts s = r.setlinfo();
        eq("0.00", s.fundPaySumamt());
        eq("30.00", s.acctPay());
        eq("5.00", s.psnCashPay());
        eq("0.00", s.balc());
        assertEquals(List.of(FundPayType.PERSONAL_ACCOUNT), r.setldetail().stream().map(FundPayment::type).toList());
    }

    @Test
    void zeroBalancePaysCash() {
        SetlAmounts s = settle(RequestBuilder.employee().pharmacy().item(A, "12.34")).setlinfo();
        eq("0.00", s.acctPay());
        eq("12.34", s.psnCashPay());
    }

    @Test
    void arrearsNoFundButTheAccountStaysUsable() {
        SettlementResult r = settle(RequestBuilder.employee().status(InsuranceStatus.ARREARS).balance("100.00")
                .inpatient(InstitutionLevel.MUNICIPAL).item(A, "5000.00"));
        eq("0.00", r.setlinfo().fundPaySumamt());
        eq("100.00", r.setlinfo().acctPay());
        eq("4900.00", r.setlinfo().psnCashPay());
        eq("0.00", r.yearToDateAfter().base());
        assertEquals("NO_BENEFIT", r.explain().get(4).step());
    }

    @Test
    void suspendedLikeArrears() {
        SetlAmounts s = settle(RequestBuilder.employee().civilServant().status(InsuranceStatus.SUSPENDED)
                .inpatient(InstitutionLevel.MUNICIPAL).item(A, "5000.00")).setlinfo();
        eq("0.00", s.fundPaySumamt());
        eq("5000.00", s.psnCashPay());
    }
}
