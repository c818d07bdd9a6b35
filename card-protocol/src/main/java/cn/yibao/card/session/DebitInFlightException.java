package cn.yibao.card.session;

import cn.yibao.card.CardException;
import java.util.Optional;

/**
 * A {@link CardException} met after DEBIT went to the card, when the card may have debited: the
 * terminal must keep {@link #pendingDebit()} and call {@link CardSession#recover(PendingDebit)} with it.
 */
public final class DebitInFlightException extends CardException {

    private static final long serialVersionUID = 1L;

    private final transient PendingDebit pendingDebit;

    DebitInFlightException(CardException original, PendingDebit pending) {
        super(original);
        this.pendingDebit = pending;
    }

    /** @return the debit that was in flight */
    public PendingDebit pendingDebit() {
        return pendingDebit;
    }

    /** @return the debit in flight when {@code e} happened, if it happened during one */
    public static Optional<PendingDebit> of(CardException e) {
        return e instanceof DebitInFlightException d ? Optional.of(d.pendingDebit) : Optional.empty();
    }
}
