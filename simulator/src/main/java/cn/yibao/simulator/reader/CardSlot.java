package cn.yibao.simulator.reader;

import cn.yibao.simulator.vpcd.VirtualIcc;
import java.util.Optional;

/**
 * A reader's contactless field as {@link CardSlotService} switches it: the vpcd reader of
 * {@code simulator card start} ({@link VirtualReader}) or the sandbox's in-process reader.
 */
public interface CardSlot {

    /** Puts {@code icc} into the field, taking out any card there. */
    void insert(VirtualIcc icc);

    /** Takes the card out of the field; it stays the current card. */
    void remove();

    /** @return the card last inserted, in the field or not */
    Optional<VirtualIcc> card();

    /** @return whether the current card is in the field */
    boolean cardInField();
}
