package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.util.List;

/**
 * An inpatient stay found by the HIS's number (住院号), for the discharge desk: whose it is, its
 * fee lines (priced, as the settlement will take them), their total and whether the discharge is
 * registered (a stay not yet discharged cannot be settled).
 *
 * @param mdtrtId    the visit id
 * @param psnNo      person number
 * @param iptOtpNo   the HIS's inpatient number
 * @param discharged whether the discharge (2402) is registered
 * @param lines      the fee lines
 * @param total      their sum
 */
public record Stay(String mdtrtId, String psnNo, String iptOtpNo, boolean discharged, List<Line> lines, Money total) {

    /** Longest list of lines answered. */
    public static final int MAX_LINES = 10_000;

    public Stay {
        Checks.required(mdtrtId, "mdtrt_id", 30);
        Checks.required(psnNo, "psn_no", 30);
        Checks.required(iptOtpNo, "ipt_otp_no", 30);
        lines = Checks.list(lines, "lines", MAX_LINES);
        Checks.present(total, "total");
    }

    /**
     * One fee line of the stay.
     *
     * @param feedetlSn         the HIS's line number
     * @param medListCodg       national list code
     * @param name              the catalog name
     * @param spec              the specification (规格), may be null
     * @param cnt               quantity
     * @param pric              unit price
     * @param detItemFeeSumamt  the line's amount
     */
    public record Line(String feedetlSn, String medListCodg, String name, String spec, java.math.BigDecimal cnt,
            Money pric, Money detItemFeeSumamt) {
        public Line {
            Checks.required(feedetlSn, "feedetl_sn", 30);
            Checks.required(medListCodg, "med_list_codg", 50);
            Checks.required(name, "name", 200);
            Checks.present(cnt, "cnt");
            Checks.present(pric, "pric");
            Checks.present(detItemFeeSumamt, "det_item_fee_sumamt");
        }
    }
}
