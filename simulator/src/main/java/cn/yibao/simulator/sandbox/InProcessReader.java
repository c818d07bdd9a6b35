package cn.yibao.simulator.sandbox;

import cn.yibao.card.Transport;
import cn.yibao.card.TransportException;
import cn.yibao.card.session.CardSession;
import cn.yibao.simulator.card.IccTransport;
import cn.yibao.simulator.reader.CardSlot;
import cn.yibao.simulator.vpcd.VirtualIcc;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.live.CardAccess;
import cn.yibao.terminal.pcsc.ReaderException;
import cn.yibao.terminal.pcsc.ReaderRefusal;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * The sandbox's card reader: the virtual PSAM in its SAM slot and the virtual cards in the
 * contactless field, called in this JVM (no pcscd, no vpcd). As {@code PcscCardAccess} does over
 * PC/SC, a piece of work waits (bounded) for a card, holds the reader exclusively, and a card that
 * leaves the field during it is {@link ReaderRefusal#CARD_REMOVED}; no card is
 * {@link ReaderRefusal#NO_CARD}. {@code simulator card insert|remove} switch the card through
 * {@link cn.yibao.simulator.reader.CardSlotService}.
 */
final class InProcessReader implements CardAccess, CardSlot {

    private final IccTransport psam;
    private final Duration cardPresence;
    private VirtualIcc card;
    private IccTransport field;

    /**
     * @param psam the PSAM, in its slot from start to end
     * @param cardPresence how long a piece of work waits for a card in the field
     */
    InProcessReader(VirtualIcc psam, Duration cardPresence) {
        this.psam = new IccTransport(psam);
        this.cardPresence = cardPresence;
    }

    @Override
    public synchronized void insert(VirtualIcc icc) {
        remove();
        card = icc;
        field = new IccTransport(icc);
        notifyAll();
    }

    @Override
    public synchronized void remove() {
        if (field != null && field.present()) {
            field.remove();
        }
    }

    @Override
    public synchronized Optional<VirtualIcc> card() {
        return Optional.ofNullable(card);
    }

    @Override
    public synchronized boolean cardInField() {
        return field != null && field.present();
    }

    /** Runs {@code work} holding the reader: no insert or remove comes between two of its commands. */
    @Override
    public synchronized <T> T withCard(Function<CardSession, T> work) {
        awaitCard();
        try {
            return work.apply(new CardSession(removable(field), psam));
        } catch (ReaderException e) {
            throw new CounterRefusedException(e.refusal());
        }
    }

    private void awaitCard() {
        long deadline = System.nanoTime() + cardPresence.toNanos();
        while (!cardInField()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new CounterRefusedException(ReaderRefusal.NO_CARD);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CounterRefusedException(ReaderRefusal.NO_CARD);
            }
        }
    }

    /** The card's transport as PC/SC's behaves: a card gone from the field is CARD_REMOVED. */
    private static Transport removable(IccTransport card) {
        return command -> {
            try {
                return card.transceive(command);
            } catch (ReaderException e) {
                throw e;
            } catch (TransportException e) {
                throw new ReaderException(ReaderRefusal.CARD_REMOVED, e.getMessage(), e);
            }
        };
    }
}
