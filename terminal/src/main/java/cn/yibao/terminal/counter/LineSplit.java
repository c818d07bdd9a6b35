package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.math.BigDecimal;

/**
 * How one fee line was classed: a 2204/2301 {@code result[]} row, and the per-line
 * {@code detlcutinfo[]} of a settlement.
 *
 * @param feedetlSn         the line's serial
 * @param medListCodg       national code
 * @param hilistName        item name
 * @param cnt               quantity
 * @param pric              unit price
 * @param detItemFeeSumamt  line total (cnt × pric, half-up to the fen)
 * @param chrgitmLv         class
 * @param fulamtOwnpayAmt   full self-pay part (丙类)
 * @param preselfpayAmt     class-B self-borne part (先行自付)
 * @param inscpScpAmt       in-scope part
 */
public record LineSplit(String feedetlSn, String medListCodg, String hilistName, BigDecimal cnt, Money pric,
        Money detItemFeeSumamt, ChrgitmLv chrgitmLv, Money fulamtOwnpayAmt, Money preselfpayAmt,
        Money inscpScpAmt) {

    public LineSplit {
        Checks.required(feedetlSn, "feedetl_sn", 30);
        Checks.required(medListCodg, "med_list_codg", 50);
        Checks.required(hilistName, "hilist_name", 200);
        Checks.present(cnt, "cnt");
        Checks.present(pric, "pric");
        Checks.present(chrgitmLv, "chrgitm_lv");
        if (!fulamtOwnpayAmt.plus(preselfpayAmt).plus(inscpScpAmt).equals(detItemFeeSumamt)) {
            throw new IllegalArgumentException("line " + feedetlSn + ": parts do not add up to the line total");
        }
    }
}
