package cn.yibao.terminal.http;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.cookie.Cookie;
import io.netty.handler.codec.http.cookie.CookieHeaderNames;
import io.netty.handler.codec.http.cookie.DefaultCookie;
import io.netty.handler.codec.http.cookie.ServerCookieDecoder;
import io.netty.handler.codec.http.cookie.ServerCookieEncoder;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who may call: requests must name this machine's loopback address in {@code Host} (against DNS
 * rebinding), carry the access token ({@code Authorization: Bearer}) or a console session cookie,
 * and POSTs must be JSON from no foreign {@code Origin} (against cross-site requests).
 */
final class ApiGuard {

    /** Headers for the console's pages: no framing, no foreign scripts. */
    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private static final String BEARER = "Bearer ";
    private static final Pattern JSON_CHARSET = Pattern.compile("\\s*charset\\s*=\\s*(\"utf-8\"|utf-8)\\s*");

    private final AccessToken token;
    private final ConsoleSessions sessions;
    private final Clock clock;
    private volatile Set<String> hosts = Set.of();

    ApiGuard(AccessToken token, ConsoleSessions sessions, Clock clock) {
        this.token = token;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Sets the port once the server is bound: the accepted Host values follow from it. */
    void bound(int port) {
        hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
    }

    void checkHost(FullHttpRequest request) {
        if (request.headers().getAll(HttpHeaderNames.HOST).size() > 1) {
            throw new ApiException(ApiError.DUPLICATE_HOST, null);
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            throw new ApiException(ApiError.HOST_NOT_ALLOWED, "Host " + host);
        }
    }

    /**
     * Who is calling.
     *
     * @param session the console session, or null for the token
     * @param opterId the session's operator, or null for the token and a token login's session
     */
    record Caller(String session, String opterId) {
        static final Caller TOKEN = new Caller(null, null);
    }

    /** @return the caller: the token, or a console session (with its operator when one logged in) */
    Caller authenticate(FullHttpRequest request) {
        String auth = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (auth != null) {
            // the scheme is case-insensitive (RFC 9110 §11.1): Bearer, bearer, BEARER
            if (!auth.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || !token.matches(auth.substring(BEARER.length()).trim())) {
                throw new ApiException(ApiError.TOKEN_WRONG, null);
            }
            return Caller.TOKEN;
        }
        String session = session(request);
        if (session == null) {
            throw new ApiException(ApiError.TOKEN_MISSING, null);
        }
        String opterId = sessions.operatorOf(session)
                .orElseThrow(() -> new ApiException(ApiError.TOKEN_WRONG, "console session expired; log in again"));
        return new Caller(session, opterId.equals(ConsoleSessions.NO_OPERATOR) ? null : opterId);
    }

    void checkPost(FullHttpRequest request) {
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        if (origin != null && !hosts.contains(origin.replaceFirst("^http://", ""))) {
            throw new ApiException(ApiError.ORIGIN_NOT_ALLOWED, "Origin " + origin);
        }
        String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
        if (request.method().equals(HttpMethod.POST) && !isJson(type)) {
            throw new ApiException(ApiError.UNSUPPORTED_MEDIA_TYPE, null);
        }
    }

    /**
     * @return whether {@code type} is {@code application/json}, alone or with a UTF-8
     *         {@code charset} (JSON is UTF-8, RFC 8259), in any case and spacing
     */
    static boolean isJson(String type) {
        if (type == null) {
            return false;
        }
        String[] parts = type.toLowerCase(Locale.ROOT).split(";", -1);
        if (!parts[0].trim().equals("application/json") || parts.length > 2) {
            return false;
        }
        return parts.length == 1 || JSON_CHARSET.matcher(parts[1]).matches();
    }

    /**
     * Checks a printed login link's ticket (signed, unexpired, unused) and marks it used. It opens
     * no session: the link leads to the operators' login page.
     */
    void redeemTicket(String ticket) {
        AccessToken.Ticket t = token.verifyTicket(ticket, clock)
                .orElseThrow(() -> new ApiException(ApiError.LOGIN_LINK_INVALID, null));
        if (!sessions.redeem(t.nonce(), t.expiry())) {
            throw new ApiException(ApiError.LOGIN_LINK_INVALID, "this login link was used already");
        }
    }

    /** @return a new console session bound to operator {@code opterId} (who gave their password) */
    String loginOperator(String opterId) {
        return sessions.open(opterId);
    }

    /** @return whether the request carries an open console session of a logged-in operator */
    boolean operatorSession(FullHttpRequest request) {
        return sessions.operatorOf(session(request)).filter(id -> !id.equals(ConsoleSessions.NO_OPERATOR)).isPresent();
    }

    /** Ends the request's console session, if it has one. */
    void logout(FullHttpRequest request) {
        sessions.close(session(request));
    }

    /** @return a new console session for the right token (typed into the console's prompt) */
    String login(String offered) {
        if (offered == null) {
            throw new ApiException(ApiError.TOKEN_MISSING, null);
        }
        if (!token.matches(offered)) {
            throw new ApiException(ApiError.TOKEN_WRONG, null);
        }
        return sessions.open();
    }

    String cookie(String session) {
        DefaultCookie cookie = new DefaultCookie(ConsoleSessions.COOKIE, session);
        cookie.setHttpOnly(true);
        cookie.setPath("/");
        if (session.isEmpty()) {
            cookie.setMaxAge(0); // logout: the browser forgets it
        }
        cookie.setSameSite(CookieHeaderNames.SameSite.Strict);
        return ServerCookieEncoder.STRICT.encode(cookie);
    }

    private static String session(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.COOKIE);
        if (header == null || header.length() > 4096) {
            return null;
        }
        for (Cookie c : ServerCookieDecoder.STRICT.decode(header)) {
            if (c.name().equals(ConsoleSessions.COOKIE)) {
                return c.value();
            }
        }
        return null;
    }
}
