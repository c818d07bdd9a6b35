package cn.yibao.simulator.supervision;

/**
 * Stock movement types of the inventory (进销存) uploads. Each names the national transaction that
 * carries it (3503 purchase, 3504 purchase return, 3505 sale, 3506 sale return) or, for 3502
 * stock changes, the {@code inv_chg_type} code as read from public client code (our reading).
 */
public enum MovementType {
    PURCHASE_IN("3503", "商品采购", 1),
    PURCHASE_RETURN_OUT("3504", "采购退货", -1),
    SALE_OUT("3505", "商品销售", -1),
    SALE_RETURN_IN("3506", "销售退货", 1),
    TRANSFER_IN("101", "调拨入库", 1),
    TRANSFER_OUT("102", "调拨出库", -1),
    STOCKTAKE_GAIN("103", "盘盈", 1),
    STOCKTAKE_LOSS("104", "盘损", -1),
    DESTROYED_OUT("105", "销毁", -1);

    private final String code;
    private final String nameZh;
    private final int sign;

    MovementType(String code, String nameZh, int sign) {
        this.code = code;
        this.nameZh = nameZh;
        this.sign = sign;
    }

    /** @return the national transaction or {@code inv_chg_type} code */
    public String code() {
        return code;
    }

    public String nameZh() {
        return nameZh;
    }

    /** @return +1 for stock in, -1 for stock out */
    public int sign() {
        return sign;
    }
}
