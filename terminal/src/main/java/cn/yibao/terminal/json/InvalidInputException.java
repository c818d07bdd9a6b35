package cn.yibao.terminal.json;

/**
 * A request or policy document that is malformed: its message starts with the path of the
 * offending field, e.g. {@code items[3].amount: more than two decimals}.
 */
public final class InvalidInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
