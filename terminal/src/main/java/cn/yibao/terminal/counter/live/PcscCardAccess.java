package cn.yibao.terminal.counter.live;

import cn.yibao.card.session.CardSession;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.pcsc.PcscCardReader;
import cn.yibao.terminal.pcsc.PcscStatus;
import cn.yibao.terminal.pcsc.ReaderException;
import cn.yibao.terminal.pcsc.ReaderSelector;
import java.time.Duration;
import java.util.function.Function;

/**
 * The counter's card access over PC/SC: for each piece of work, opens the PSAM slot and waits for
 * the card, holds both exclusively on this thread (no other client can slip a command in between
 * INITIALIZE and DEBIT), and closes them afterwards.
 */
public final class PcscCardAccess implements CardAccess {

    private final ReaderSelector cardReader;
    private final ReaderSelector samReader;
    private final Duration cardPresence;

    public PcscCardAccess(ReaderSelector cardReader, ReaderSelector samReader, Duration cardPresence) {
        this.cardReader = cardReader;
        this.samReader = samReader;
        this.cardPresence = cardPresence;
        PcscStatus.configureLibrary();
    }

    @Override
    public <T> T withCard(Function<CardSession, T> work) {
        try (PcscCardReader reader = PcscCardReader.open(cardReader, samReader, cardPresence)) {
            return reader.exclusively(() -> work.apply(new CardSession(reader.card(), reader.psam())));
        } catch (ReaderException e) {
            throw new CounterRefusedException(e.refusal());
        }
    }
}
