package cn.yibao.simulator.supervision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A stock count (3501 商品盘存): how much of an item the pharmacy held on a day.
 *
 * @param fixmedinsCode     the pharmacy
 * @param medListCodg       national catalog code
 * @param fixmedinsHilistId the pharmacy's own catalog id
 * @param invdate           the day counted
 * @param invCnt            {@code inv_cnt}, units in stock
 */
public record StockTake(String fixmedinsCode, String medListCodg, String fixmedinsHilistId,
        LocalDate invdate, int invCnt) {

    public StockTake {
        Codes.requireInstitution(fixmedinsCode, "fixmedins_code");
        Codes.requireCode(medListCodg, "med_list_codg");
        Codes.requireCode(fixmedinsHilistId, "fixmedins_hilist_id");
        Objects.requireNonNull(invdate, "invdate");
        if (invCnt < 0 || invCnt > 10_000_000) {
            throw new IllegalArgumentException("inv_cnt out of range: " + invCnt);
        }
    }
}
