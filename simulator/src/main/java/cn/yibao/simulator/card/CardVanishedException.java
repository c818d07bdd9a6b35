package cn.yibao.simulator.card;

/**
 * Thrown by a virtual card (or PSAM) whose tear injection fired: the card left the field. The
 * in-memory transport turns it into a {@link cn.yibao.card.TransportException}; the vpcd bridge
 * closes the card's socket. The card has already lost its volatile state.
 */
public final class CardVanishedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CardVanishedException(String message) {
        super(message);
    }
}
