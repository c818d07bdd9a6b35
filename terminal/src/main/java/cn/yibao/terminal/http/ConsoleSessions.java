package cn.yibao.terminal.http;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cashier-console sessions: opening a printed, single-use login link ({@code /console/login?ticket=…},
 * see {@link AccessToken#loginTicket}) or posting the access token from the console's prompt sets an
 * HttpOnly, SameSite=Strict cookie naming a random session; the console's same-origin calls carry
 * it instead of the token. Sessions live in memory for 12 hours (a shift) or until restart.
 */
final class ConsoleSessions {

    static final String COOKIE = "yibao_console";
    private static final Duration LIFETIME = Duration.ofHours(12);
    private static final int MAX_SESSIONS = 64;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> sessions = new ConcurrentHashMap<>();
    private final Map<String, Instant> usedTickets = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsoleSessions(Clock clock) {
        this.clock = clock;
    }

    /** @return a new session ID */
    String open() {
        Instant now = clock.instant();
        sessions.values().removeIf(expiry -> expiry.isBefore(now));
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.clear();
        }
        byte[] id = new byte[24];
        random.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        sessions.put(session, now.plus(LIFETIME));
        return session;
    }

    /**
     * Redeems a login ticket's nonce: true the first time only.
     *
     * @param nonce  the ticket's nonce
     * @param expiry when the ticket expires (its nonce is forgotten after that)
     */
    boolean redeem(String nonce, Instant expiry) {
        Instant now = clock.instant();
        usedTickets.values().removeIf(e -> e.isBefore(now));
        if (usedTickets.size() >= 10_000) {
            return false; // a flood of links: refuse rather than forget which were used
        }
        return usedTickets.putIfAbsent(nonce, expiry) == null;
    }

    boolean valid(String session) {
        Instant expiry = session == null ? null : sessions.get(session);
        return expiry != null && expiry.isAfter(clock.instant());
    }
}
