package cn.yibao.card.app;

import cn.yibao.card.Money;

/**
 * The personal-account purse.
 *
 * @param balance balance
 * @param offlineCounter purchase counter (incremented by each debit)
 * @param onlineCounter load counter (incremented by each credit)
 */
public record PurseInfo(Money balance, int offlineCounter, int onlineCounter) {

    public PurseInfo {
        if (balance == null || balance.isNegative()) {
            throw new IllegalArgumentException("balance required and not negative");
        }
        if (offlineCounter < 0 || offlineCounter > 0xFFFF || onlineCounter < 0 || onlineCounter > 0xFFFF) {
            throw new IllegalArgumentException("counter out of range");
        }
    }
}
