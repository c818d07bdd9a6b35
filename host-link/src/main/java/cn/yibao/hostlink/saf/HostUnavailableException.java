package cn.yibao.hostlink.saf;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The host could not be reached, did not answer in time, or refused the sign-in; or the host
 * instance answered but its database is unavailable ({@link #databaseDown}), which says nothing
 * against the instance.
 */
public final class HostUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean databaseDown;

    public HostUnavailableException(String message) {
        this(message, null, false);
    }

    public HostUnavailableException(String message, Throwable cause) {
        this(message, cause, false);
    }

    private HostUnavailableException(String message, Throwable cause, boolean databaseDown) {
        super(message, cause);
        this.databaseDown = databaseDown;
    }

    /**
     * @return the host instance answered {@code STORE_UNAVAILABLE}: its database is away, another
     *         instance (sharing it) would say the same
     */
    public static HostUnavailableException databaseDown(String message) {
        return new HostUnavailableException(message, null, true);
    }

    /** @return whether the instance answered and only its database is unavailable */
    public boolean databaseDown() {
        return databaseDown;
    }

    /** @return a short reason for a log line: the message, and the cause's (past its wrappers) */
    public String reason() {
        Throwable cause = getCause();
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause == null) {
            return getMessage();
        }
        String m = cause.getMessage();
        if (m != null && m.startsWith(getMessage())) {
            return m;
        }
        return getMessage() + ": " + (m == null ? cause.getClass().getSimpleName() : m);
    }
}
