package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * One line of a 3502 stock change (商品库存变更).
 *
 * @param medListCodg         national list code
 * @param fixmedinsHilistId   the pharmacy's own item code
 * @param fixmedinsHilistName the pharmacy's item name
 * @param chrgitmLv           the catalog class (01/02/03, 09 non-medical)
 * @param invChgType          101 transfer in, 102 transfer out, 103 count gain, 104 count loss,
 *                            105 destruction, or the national movement it folds in: 3503 purchase,
 *                            3504 purchase return, 3505 sale, 3506 sale return
 * @param invChgTime          when the stock changed
 * @param cnt                 units moved, 1 to 1,000,000
 * @param pric                unit price
 */
public record StockChange(String medListCodg, String fixmedinsHilistId, String fixmedinsHilistName,
        ChrgitmLv chrgitmLv, String invChgType, LocalDateTime invChgTime, Long cnt, Money pric) {

    /** The {@code inv_chg_type} codes the host takes. */
    public static final Set<String> TYPES = Set.of("101", "102", "103", "104", "105", "3503", "3504", "3505", "3506");

    public StockChange {
        Checks.code(medListCodg, "med_list_codg");
        Checks.code(fixmedinsHilistId, "fixmedins_hilist_id");
        Checks.required(fixmedinsHilistName, "fixmedins_hilist_name", 200);
        Checks.present(chrgitmLv, "chrgitm_lv");
        if (!TYPES.contains(Checks.present(invChgType, "inv_chg_type"))) {
            throw new IllegalArgumentException("inv_chg_type must be one of 101-105, 3503-3506");
        }
        Checks.present(invChgTime, "inv_chg_time");
        Checks.present(cnt, "cnt");
        if (cnt < 1 || cnt > 1_000_000) {
            throw new IllegalArgumentException("cnt must be 1 to 1000000");
        }
        Checks.nonNegative(pric, "pric");
    }
}
