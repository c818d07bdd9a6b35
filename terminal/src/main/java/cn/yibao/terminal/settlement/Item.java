package cn.yibao.terminal.settlement;

import cn.yibao.card.Money;

/**
 * One line item of a bill.
 *
 * @param code      the institution's item code
 * @param name      the item's name as printed on the receipt
 * @param itemClass catalog class
 * @param amount    amount of the line
 */
public record Item(String code, String name, ItemClass itemClass, Money amount) {

    public Item {
        Limits.required("code", code);
        Limits.required("name", name);
        Limits.required("class", itemClass);
        if (code.isBlank() || code.length() > Limits.MAX_CODE_LENGTH) {
            throw new IllegalArgumentException("code: must be 1 to " + Limits.MAX_CODE_LENGTH + " characters");
        }
        if (name.length() > Limits.MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("name: more than " + Limits.MAX_NAME_LENGTH + " characters");
        }
        Limits.bounded("amount", amount, Limits.MAX_ITEM_AMOUNT);
    }
}
