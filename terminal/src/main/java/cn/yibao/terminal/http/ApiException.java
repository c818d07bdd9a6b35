package cn.yibao.terminal.http;

/** Aborts a request with an {@link ApiError} and an optional English detail. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;
    private final String detail;

    ApiException(ApiError error, String detail) {
        super(error.code() + (detail == null ? "" : ": " + detail));
        this.error = error;
        this.detail = detail;
    }

    ApiError error() {
        return error;
    }

    /** @return the English detail (e.g. which field), or null */
    String detail() {
        return detail;
    }
}
