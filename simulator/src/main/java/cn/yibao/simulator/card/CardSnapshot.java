package cn.yibao.simulator.card;

import cn.yibao.card.CardNumbers;
import cn.yibao.card.Money;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.app.MedicalLogRecord;
import java.util.List;

/**
 * A virtual card's persistent state, for tests and {@code simulator card show}.
 *
 * @param personaId persona
 * @param maskedCardNumber card number, masked
 * @param serialHex application serial
 * @param insurance insurance data and card state
 * @param balance purse balance
 * @param offlineCounter purchase counter
 * @param onlineCounter load counter
 * @param pinTries PIN tries left
 * @param accumulators accumulators
 * @param log medical log, newest first
 */
public record CardSnapshot(String personaId, String maskedCardNumber, String serialHex, InsuranceInfo insurance,
        Money balance, int offlineCounter, int onlineCounter, int pinTries, Accumulators accumulators,
        List<MedicalLogRecord> log) {

    public CardSnapshot {
        log = List.copyOf(log);
    }

    static CardSnapshot of(CardImage i) {
        return new CardSnapshot(i.personaId, CardNumbers.mask(i.identity.cardNumber()), i.identity.serialHex(),
                i.insurance, Money.ofFen(i.balanceFen), i.offlineCounter, i.onlineCounter, i.pinTries,
                i.accumulators, i.log);
    }
}
