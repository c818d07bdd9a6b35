package cn.yibao.terminal.journal;

/** The journal could not do what was asked: storage failure or an illegal state change. */
public final class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
