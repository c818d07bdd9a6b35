package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The console's printed login link is single use and short-lived; its session ends with the shift. */
class ConsoleLoginTest {

    private static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv";

    /** A clock the test moves. */
    private static final class Moving extends Clock {
        private Instant now = Instant.parse("2026-11-23T02:30:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Moving clock = new Moving();
    private final ConsoleSessions sessions = new ConsoleSessions(clock);
    private final ApiGuard guard = new ApiGuard(AccessToken.of(TOKEN), sessions, clock);

    @Test
    void aLoginLinkOpensOneSessionOnce() {
        String ticket = AccessToken.of(TOKEN).loginTicket(clock);
        assertFalse(ticket.contains(TOKEN));
        assertTrue(sessions.valid(guard.loginWithTicket(ticket)));
        ApiException again = assertThrows(ApiException.class, () -> guard.loginWithTicket(ticket));
        assertEquals(ApiError.LOGIN_LINK_INVALID, again.error());
    }

    @Test
    void anExpiredLinkIsRefused() {
        String ticket = AccessToken.of(TOKEN).loginTicket(clock);
        clock.now = clock.now.plus(AccessToken.TICKET_LIFETIME).plusSeconds(1);
        assertEquals(ApiError.LOGIN_LINK_INVALID, assertThrows(ApiException.class, () -> guard.loginWithTicket(ticket)).error());
    }

    @Test
    void aLinkOfAnotherTerminalOrAlteredIsRefused() {
        String foreign = AccessToken.of("another-terminals-token-0123456789abcdefghij").loginTicket(clock);
        assertThrows(ApiException.class, () -> guard.loginWithTicket(foreign));
        String ticket = AccessToken.of(TOKEN).loginTicket(clock);
        char last = ticket.charAt(10);
        String altered = ticket.substring(0, 10) + (last == 'A' ? 'B' : 'A') + ticket.substring(11);
        assertThrows(ApiException.class, () -> guard.loginWithTicket(altered));
        assertThrows(ApiException.class, () -> guard.loginWithTicket("not-a-ticket"));
        assertThrows(ApiException.class, () -> guard.loginWithTicket(null));
    }

    @Test
    void aLinkDatedFarAheadIsRefused() {
        Moving future = new Moving();
        future.now = clock.now.plus(Duration.ofDays(1));
        String ticket = AccessToken.of(TOKEN).loginTicket(future);
        assertThrows(ApiException.class, () -> guard.loginWithTicket(ticket), "a link must not outlive its 5 minutes");
    }

    @Test
    void aSessionEndsAfterTwelveHours() {
        String session = guard.login(TOKEN);
        clock.now = clock.now.plus(Duration.ofHours(12)).minusSeconds(1);
        assertTrue(sessions.valid(session));
        clock.now = clock.now.plusSeconds(2);
        assertFalse(sessions.valid(session), "expired");
    }
}
