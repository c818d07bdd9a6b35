package cn.yibao.terminal.cardlist;

/** The card-list store failed, or the host's card-list answer was malformed or refused. */
public final class CardListException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CardListException(String message) {
        super(message);
    }

    public CardListException(String message, Throwable cause) {
        super(message, cause);
    }
}
