package cn.yibao.simulator.supervision.traffic;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.SaleItem;

/**
 * A catalog product of the generator.
 *
 * @param code  national catalog code (fictional)
 * @param id    the pharmacy's own id
 * @param name  name
 * @param cls   catalog class
 * @param price unit price
 */
record Product(String code, String id, String name, CatalogClass cls, Money price) {

    SaleItem line(int quantity) {
        return new SaleItem(code, id, name, cls, price, quantity);
    }
}
