package cn.yibao.terminal.counter.live;

import cn.yibao.card.session.CardSession;
import java.util.function.Function;

/**
 * Gives the counter a card session on the reader for one piece of work: open, hold exclusively,
 * close. PC/SC at the counter; an in-memory card and PSAM in tests.
 */
@FunctionalInterface
public interface CardAccess {

    /**
     * Runs {@code work} with a session on the card in the field and the PSAM.
     *
     * @throws cn.yibao.terminal.counter.CounterRefusedException CARD_ABSENT when no card is there
     * @throws cn.yibao.card.CardException for anything the card or PSAM refused
     */
    <T> T withCard(Function<CardSession, T> work);
}
