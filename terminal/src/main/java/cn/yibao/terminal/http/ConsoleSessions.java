package cn.yibao.terminal.http;

import cn.yibao.terminal.operator.OperatorDb;
import cn.yibao.terminal.operator.SessionStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Cashier-console sessions: an operator's login (id and password) sets an HttpOnly,
 * SameSite=Strict cookie naming a random session bound to that operator; the console's same-origin
 * calls carry it instead of the token. A session posted with the access token (scripts) names no
 * operator and counts as the HIS. Sessions live 12 hours (a shift) and are kept, as SHA-256 of the
 * cookie only, in the operator file ({@link SessionStore}), so that a restart of the terminal logs
 * nobody out; beyond {@value #MAX_SESSIONS} the oldest ends. Used login links are kept there too
 * until they expire.
 */
final class ConsoleSessions {

    static final String COOKIE = "yibao_console";
    /** The operator id of a session opened with the access token: no operator. */
    static final String NO_OPERATOR = "";
    static final Duration LIFETIME = Duration.ofHours(12);
    static final int MAX_SESSIONS = 64;
    private static final int MAX_USED_LINKS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final SessionStore store;
    private final Clock clock;

    ConsoleSessions(Clock clock, OperatorDb db) {
        this.clock = clock;
        this.store = new SessionStore(db, MAX_SESSIONS);
    }

    /** Sessions in memory only (tests). */
    ConsoleSessions(Clock clock) {
        this(clock, OperatorDb.inMemory());
    }

    /** @return a new session ID for operator {@code opterId} ({@link #NO_OPERATOR} for a token login) */
    String open(String opterId) {
        byte[] id = new byte[24];
        random.nextBytes(id);
        String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
        Instant now = clock.instant();
        store.open(session, opterId, now, now.plus(LIFETIME));
        return session;
    }

    /** @return a new session naming no operator (a token login) */
    String open() {
        return open(NO_OPERATOR);
    }

    /**
     * Redeems a login ticket's nonce: true the first time only.
     *
     * @param nonce  the ticket's nonce
     * @param expiry when the ticket expires (its nonce is forgotten after that)
     */
    boolean redeem(String nonce, Instant expiry) {
        return store.redeem(nonce, expiry, clock.instant(), MAX_USED_LINKS);
    }

    boolean valid(String session) {
        return operatorOf(session).isPresent();
    }

    /** @return the operator id of an open session ({@link #NO_OPERATOR} for a token login) */
    Optional<String> operatorOf(String session) {
        return session == null ? Optional.empty() : store.operatorOf(session, clock.instant());
    }

    void close(String session) {
        if (session != null) {
            store.close(session);
        }
    }
}
