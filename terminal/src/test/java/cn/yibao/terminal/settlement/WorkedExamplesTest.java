package cn.yibao.terminal.settlement;

import static cn.yibao.terminal.settlement.ItemClass.A;
import static cn.yibao.terminal.settlement.ItemClass.B;
import static cn.yibao.terminal.settlement.ItemClass.C;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.Money;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.PolicyPacks;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The four worked examples of RULES.md §11: the acceptance tests of the engine. */
class WorkedExamplesTest {

    static SettlementResult settle(RequestBuilder b) {
        return SettlementEngine.settle(b.build(), PolicyPacks.changchun2010());
    }

    static void eq(String yuan, Money actual) {
        assertEquals(Money.parseYuan(yuan), actual);
    }

    @Test
    void example1EmployeeInServiceMunicipal() {
        SetlAmounts s = settle(RequestBuilder.employee().balance("300.00").inpatient(InstitutionLevel.MUNICIPAL)
                .item(A, "7500.00").item(B, "2000.00").item(C, "500.00")).setlinfo();
        eq("10000.00", s.medfeeSumamt());
        eq("500.00", s.fulamtOwnpayAmt());
        eq("200.00", s.preselfpayAmt());
        eq("9300.00", s.inscpScpAmt());
        eq("700.00", s.actPayDedc());
        eq("1032.00", s.poolPropSelfpay());
        eq("7568.00", s.hifpPay());
        eq("0.00", s.hifobPay());
        eq("7568.00", s.fundPaySumamt());
        eq("2432.00", s.psnPartAmt());
        eq("300.00", s.acctPay());
        eq("2132.00", s.psnCashPay());
        eq("0.00", s.balc());
    }

    @Test
    void example2RetiredCivilServantProvincial() {
        SettlementResult r = settle(RequestBuilder.employee().retired().civilServant().balance("0.00")
                .inpatient(InstitutionLevel.PROVINCIAL).item(A, "15000.00").item(B, "4000.00").item(C, "1000.00"));
        SetlAmounts s = r.setlinfo();
        eq("320.00", s.preselfpayAmt());
        eq("18680.00", s.inscpScpAmt());
        eq("1000.00", s.actPayDedc());
        eq("2298.40", s.poolPropSelfpay());
        eq("15381.60", s.hifpPay());
        eq("2532.88", s.cvlservPay());
        eq("0.00", s.hifobPay());
        eq("0.00", s.acctPay());
        eq("2085.52", s.psnCashPay());
        assertEquals(List.of(FundPayType.EMPLOYEE_POOLING, FundPayType.CIVIL_SERVANT),
                r.setldetail().stream().map(FundPayment::type).toList());
    }

    @Test
    void example3EmployeeOutOfRegionEmergency() {
        SetlAmounts s = settle(RequestBuilder.employee().outOfRegion().inpatient(InstitutionLevel.MUNICIPAL)
                .item(A, "20000.00").item(B, "8000.00").item(C, "2000.00")).setlinfo();
        eq("30000.00", s.medfeeSumamt());
        eq("0.00", s.preselfpayAmt());
        eq("28000.00", s.inscpScpAmt());
        eq("1950.00", s.actPayDedc());
        eq("18235.00", s.hifpPay());
        eq("18235.00", s.fundPaySumamt());
        eq("11765.00", s.psnPartAmt());
        eq("11765.00", s.psnCashPay());
    }

    @Test
    void example4ResidentAdultMunicipal() {
        SettlementResult r = settle(RequestBuilder.resident(ResidentGroup.ADULT).inpatient(InstitutionLevel.MUNICIPAL)
                .item(A, "8000.00"));
        SetlAmounts s = r.setlinfo();
        eq("600.00", s.actPayDedc());
        eq("4590.00", s.hifpPay());
        eq("3410.00", s.psnCashPay());
        List<String> bands = r.explain().stream().filter(l -> l.step().equals("RESIDENT_BAND"))
                .map(ExplainStep::en).toList();
        assertEquals(List.of("Band 1 (600.00, 5000.00]: 4400.00 × 60% = 2640.00",
                "Band 2 (5000.00, 45000.00]: 3000.00 × 65% = 1950.00"), bands);
        assertEquals(FundPayType.RESIDENT_POOLING, r.setldetail().get(0).type());
    }
}
