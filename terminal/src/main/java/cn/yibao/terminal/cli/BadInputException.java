package cn.yibao.terminal.cli;

/** Thrown by a command when its input is malformed; the command line exits with code 2. */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
