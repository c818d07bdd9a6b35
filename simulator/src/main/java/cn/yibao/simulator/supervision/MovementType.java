package cn.yibao.simulator.supervision;

import cn.yibao.card.Coded;

/**
 * Stock movement types of the inventory (进销存) uploads. Each names the national transaction that
 * carries it (3503 purchase, 3504 purchase return, 3505 sale, 3506 sale return) or, for 3502
 * stock changes, the {@code inv_chg_type} code as read from public client code (our reading).
 */
public enum MovementType implements Coded {
    @Code(code = "3503", nameZh = "商品采购") PURCHASE_IN(1),
    @Code(code = "3504", nameZh = "采购退货") PURCHASE_RETURN_OUT(-1),
    @Code(code = "3505", nameZh = "商品销售") SALE_OUT(-1),
    @Code(code = "3506", nameZh = "销售退货") SALE_RETURN_IN(1),
    @Code(code = "101", nameZh = "调拨入库") TRANSFER_IN(1),
    @Code(code = "102", nameZh = "调拨出库") TRANSFER_OUT(-1),
    @Code(code = "103", nameZh = "盘盈") STOCKTAKE_GAIN(1),
    @Code(code = "104", nameZh = "盘损") STOCKTAKE_LOSS(-1),
    @Code(code = "105", nameZh = "销毁") DESTROYED_OUT(-1);

    private final int sign;

    MovementType(int sign) {
        this.sign = sign;
    }

    /** @return +1 for stock in, -1 for stock out */
    public int sign() {
        return sign;
    }
}
