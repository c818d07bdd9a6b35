package cn.yibao.terminal.counter;

import java.time.LocalDate;

/**
 * One line of a 3501 stock count (商品盘存): how many of an item the pharmacy counted on a day.
 *
 * @param medListCodg       national list code
 * @param fixmedinsHilistId the pharmacy's own item code
 * @param invdate           the day of the count
 * @param invCnt            units counted, 0 to 10,000,000
 */
public record StockCount(String medListCodg, String fixmedinsHilistId, LocalDate invdate, Long invCnt) {

    public StockCount {
        Checks.code(medListCodg, "med_list_codg");
        Checks.code(fixmedinsHilistId, "fixmedins_hilist_id");
        Checks.present(invdate, "invdate");
        Checks.present(invCnt, "inv_cnt");
        if (invCnt < 0 || invCnt > 10_000_000) {
            throw new IllegalArgumentException("inv_cnt must be 0 to 10000000");
        }
    }
}
