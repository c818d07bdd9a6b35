package cn.yibao.terminal.counter;

import java.util.List;

/**
 * 2101/2102 input: a pharmacy sale.
 *
 * @param druginfo   the header
 * @param drugdetail the lines (1..500), each {@code feedetl_sn} once
 */
public record PharmacySale(DrugInfo druginfo, List<FeeLine> drugdetail) {

    /** The most lines one request may carry. */
    public static final int MAX_LINES = 500;

    public PharmacySale {
        Checks.present(druginfo, "druginfo");
        drugdetail = Checks.list(drugdetail, "drugdetail", MAX_LINES);
        FeeLines.requireDistinctSerials(drugdetail, "drugdetail");
    }
}
