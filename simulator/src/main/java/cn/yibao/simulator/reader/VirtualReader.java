package cn.yibao.simulator.reader;

import cn.yibao.simulator.card.CardVanishedException;
import cn.yibao.simulator.vpcd.VirtualIcc;
import cn.yibao.simulator.vpcd.VpcdBridge;
import java.time.Duration;
import java.util.Optional;

/**
 * A counter reader made of virtual chips in pcscd's vpcd driver: the PSAM stays in slot 1 (the
 * SAM slot) from start to close; cards come and go in slot 0 (the contactless field). A card whose
 * tear injection fires ({@link CardVanishedException}) leaves the field until inserted again.
 */
public final class VirtualReader implements CardSlot, AutoCloseable {

    private final int cardPort;
    private final VpcdBridge psamBridge;
    private VpcdBridge cardBridge;
    private VirtualIcc card;

    /**
     * Puts the PSAM into its slot.
     *
     * @param cardPort vpcd's port for slot 0
     * @param samPort vpcd's port for slot 1
     * @param psam the PSAM
     */
    public VirtualReader(int cardPort, int samPort, VirtualIcc psam) {
        this.cardPort = cardPort;
        this.psamBridge = VpcdBridge.local("psam", samPort, psam, CardVanishedException.class);
        psamBridge.insert();
    }

    /** Puts {@code icc} into the field, taking out any card there. */
    @Override
    public synchronized void insert(VirtualIcc icc) {
        remove();
        card = icc;
        cardBridge = VpcdBridge.local("card", cardPort, icc, CardVanishedException.class);
        cardBridge.insert();
    }

    /** Puts the current card back into the field (after {@link #remove()} or a tear). */
    public synchronized void reinsert() {
        if (cardBridge == null) {
            throw new IllegalStateException("no card was inserted");
        }
        cardBridge.insert();
    }

    /** Takes the card out of the field; it stays the current card for {@link #reinsert()}. */
    @Override
    public synchronized void remove() {
        if (cardBridge != null) {
            cardBridge.remove();
        }
    }

    /** @return the card last inserted, in the field or not */
    @Override
    public synchronized Optional<VirtualIcc> card() {
        return Optional.ofNullable(card);
    }

    /** @return whether the card's socket is connected to vpcd */
    @Override
    public synchronized boolean cardInField() {
        return cardBridge != null && cardBridge.state() == VpcdBridge.State.INSERTED;
    }

    /** Waits until vpcd accepted the card's connection. */
    public boolean awaitCardConnected(Duration timeout) {
        VpcdBridge bridge;
        synchronized (this) {
            bridge = cardBridge;
        }
        return bridge != null && bridge.await(VpcdBridge.State.INSERTED, timeout);
    }

    /** Waits until vpcd accepted the PSAM's connection. */
    public boolean awaitPsamConnected(Duration timeout) {
        return psamBridge.await(VpcdBridge.State.INSERTED, timeout);
    }

    @Override
    public synchronized void close() {
        try {
            if (cardBridge != null) {
                cardBridge.close();
            }
        } finally {
            psamBridge.close();
        }
    }
}
