package cn.yibao.card.session;

import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardIdentity;
import cn.yibao.card.app.Holder;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.app.PurseInfo;
import java.util.Optional;

/**
 * Everything the terminal reads from a card at a tap.
 *
 * @param identity card identity (card number: mask before showing)
 * @param holder holder
 * @param insurance insurance data and card state
 * @param purse personal-account purse
 * @param pinTriesLeft PIN tries left
 * @param accumulators the year-to-date accumulators, present when read with the PIN
 */
public record CardInfo(CardIdentity identity, Holder holder, InsuranceInfo insurance, PurseInfo purse,
        int pinTriesLeft, Optional<Accumulators> accumulators) {

    public CardInfo {
        if (identity == null || holder == null || insurance == null || purse == null || accumulators == null) {
            throw new IllegalArgumentException("all parts required");
        }
    }
}
