package cn.yibao.terminal.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/**
 * A request's target, decoded once: its path and its query parameters. A target whose escapes do
 * not decode ({@code /%}, {@code ?x=%zz}) is refused with {@link ApiError#BAD_URL}; what a log line
 * may say of a target is {@link #loggable(String)}: never its query string, which may hold a login
 * ticket or the token.
 *
 * @param path  the decoded path
 * @param query the decoded query parameters
 */
record RequestUrl(String path, Map<String, List<String>> query) {

    /** The most characters of a raw path a log line shows. */
    static final int LOGGED_PATH = 100;

    RequestUrl {
        query = Map.copyOf(query);
    }

    /**
     * @return the decoded target
     * @throws ApiException BAD_URL when an escape or the query string does not decode
     */
    static RequestUrl parse(String uri) {
        try {
            QueryStringDecoder decoder = new QueryStringDecoder(uri);
            return new RequestUrl(decoder.path(), decoder.parameters());
        } catch (IllegalArgumentException e) {
            // the decoder's message repeats the whole target, query string included: never shown
            throw new ApiException(ApiError.BAD_URL, null);
        }
    }

    /**
     * @return the raw path of {@code uri} as a log line may show it: what precedes {@code ?} or
     *         {@code #}, undecoded, printable ASCII only, at most {@value #LOGGED_PATH} characters
     */
    static String loggable(String uri) {
        if (uri == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < uri.length() && out.length() < LOGGED_PATH; i++) {
            char c = uri.charAt(i);
            if (c == '?' || c == '#') {
                break;
            }
            out.append(c >= 0x21 && c < 0x7f ? c : '_');
        }
        return out.toString();
    }
}
