package cn.yibao.card.session;

import cn.yibao.card.Money;
import cn.yibao.card.app.SettlementRecord;
import java.time.LocalDateTime;

/**
 * What to debit and record on the card.
 *
 * @param accountAmount the amount to debit from the personal account (may be zero: the settlement is
 *     still recorded)
 * @param record the settlement record written atomically with the debit
 * @param time the transaction time written on the card
 */
public record SettleRequest(Money accountAmount, SettlementRecord record, LocalDateTime time) {

    public SettleRequest {
        if (accountAmount == null || accountAmount.isNegative() || record == null || time == null) {
            throw new IllegalArgumentException("a non-negative amount, a record and a time required");
        }
        time = time.withNano(0);
    }
}
