package cn.yibao.hostlink.saf;

/** The host could not be reached, did not answer in time, or refused the sign-in. */
public final class HostUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public HostUnavailableException(String message) {
        super(message);
    }

    public HostUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
