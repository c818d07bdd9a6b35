package cn.yibao.terminal.settlement;

import java.util.List;

/**
 * The outcome of a settlement.
 *
 * @param policyId        the policy pack used ({@code region/version})
 * @param setlinfo        the amounts
 * @param setldetail      one row per paying fund (and the personal account), in a fixed order
 * @param yearToDateAfter year-to-date positions after this settlement, for the card and the host
 * @param explain         ordered lines deriving every figure
 */
public record SettlementResult(String policyId, SetlAmounts setlinfo, List<FundPayment> setldetail,
        YearToDate yearToDateAfter, List<ExplainStep> explain) {

    public SettlementResult {
        if (policyId == null || setlinfo == null || yearToDateAfter == null) {
            throw new IllegalArgumentException("settlement result: missing field");
        }
        setldetail = List.copyOf(setldetail);
        explain = List.copyOf(explain);
    }
}
