package cn.yibao.hostlink.saf;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** The host could not be reached, did not answer in time, or refused the sign-in. */
public final class HostUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public HostUnavailableException(String message) {
        super(message);
    }

    public HostUnavailableException(String message, Throwable cause) {
        super(message, cause);
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
