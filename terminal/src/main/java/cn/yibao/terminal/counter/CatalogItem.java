package cn.yibao.terminal.counter;

import cn.yibao.card.Money;

/**
 * 1312 output row: one item of the catalog the counter sells from.
 *
 * @param hilistCode  national list code (医保目录编码)
 * @param hilistName  name
 * @param barcode     the code a scanner reads (EAN-13), may be null
 * @param spec        specification, e.g. "0.25g*24粒"
 * @param chrgitmLv   catalog class
 * @param pric        unit price
 * @param rxFlag      prescription-only (处方药) 0/1
 */
public record CatalogItem(String hilistCode, String hilistName, String barcode, String spec, ChrgitmLv chrgitmLv,
        Money pric, String rxFlag) {

    public CatalogItem {
        Checks.required(hilistCode, "hilist_code", 50);
        Checks.required(hilistName, "hilist_name", 200);
        Checks.optional(barcode, "barcode", 32);
        Checks.optional(spec, "spec", 100);
        Checks.present(chrgitmLv, "chrgitm_lv");
        Checks.nonNegative(pric, "pric");
        Checks.flag(Checks.present(rxFlag, "rx_flag"), "rx_flag");
    }

    public boolean prescriptionOnly() {
        return "1".equals(rxFlag);
    }
}
