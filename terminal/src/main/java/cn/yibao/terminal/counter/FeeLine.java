package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.math.BigDecimal;

/**
 * One fee line: a pharmacy {@code drugdetail[]} row (2101/2102) or a {@code feedetail[]} row
 * uploaded for a visit (2204/2301).
 *
 * @param feedetlSn   line serial, unique within the sale or visit
 * @param mdtrtId     visit ID; required for 2204/2301, absent for a pharmacy sale
 * @param psnNo       person number; required for 2204/2301
 * @param medListCodg national list code (or a barcode the catalog knows)
 * @param cnt         quantity, &gt; 0, at most 4 decimals
 * @param pric        unit price; null takes the catalog price
 * @param rxno        prescription number from a designated hospital (处方号), if any
 */
public record FeeLine(String feedetlSn, String mdtrtId, String psnNo, String medListCodg, BigDecimal cnt,
        Money pric, String rxno) {

    private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(10_000);

    public FeeLine {
        Checks.required(feedetlSn, "feedetl_sn", 30);
        Checks.optional(mdtrtId, "mdtrt_id", 30);
        Checks.optional(psnNo, "psn_no", 30);
        Checks.required(medListCodg, "med_list_codg", 50);
        Checks.present(cnt, "cnt");
        if (cnt.signum() <= 0 || cnt.compareTo(MAX_COUNT) > 0 || cnt.stripTrailingZeros().scale() > 4) {
            throw new IllegalArgumentException("cnt must be in (0, 10000] with at most 4 decimals");
        }
        if (pric != null) {
            Checks.nonNegative(pric, "pric");
        }
        Checks.optional(rxno, "rxno", 30);
    }
}
