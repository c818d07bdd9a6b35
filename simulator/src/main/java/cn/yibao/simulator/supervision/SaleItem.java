package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import java.util.Objects;

/**
 * One line of a settled transaction.
 *
 * @param medListCodg       national catalog code (医疗目录编码)
 * @param fixmedinsHilistId the institution's own catalog id (定点医药机构目录编号)
 * @param name              item name (Chinese)
 * @param catalogClass      A/B/C/N
 * @param price             unit price
 * @param quantity          1 to 10 000 units
 */
public record SaleItem(String medListCodg, String fixmedinsHilistId, String name,
        CatalogClass catalogClass, Money price, int quantity) {

    /** Largest quantity accepted on one line. */
    public static final int MAX_QUANTITY = 10_000;

    public SaleItem {
        Codes.requireCode(medListCodg, "med_list_codg");
        Codes.requireCode(fixmedinsHilistId, "fixmedins_hilist_id");
        Codes.requireText(name, "item name");
        Objects.requireNonNull(catalogClass, "catalogClass");
        Objects.requireNonNull(price, "price");
        if (price.isNegative()) {
            throw new IllegalArgumentException("negative price");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("quantity out of range: " + quantity);
        }
    }

    /** @return price × quantity */
    public Money amount() {
        return Money.ofFen(Math.multiplyExact(price.fen(), quantity));
    }
}
