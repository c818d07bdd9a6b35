package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.testing.MovingClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The console's printed login link is single use and short-lived; its session ends with the shift. */
class ConsoleLoginTest {

    private static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv";

    private final MovingClock clock = new MovingClock();
    private final ConsoleSessions sessions = new ConsoleSessions(clock);
    private final ApiGuard guard = new ApiGuard(AccessToken.of(TOKEN), sessions, clock);

    @Test
    void aLoginLinkIsAcceptedOnce() {
        String ticket = AccessToken.of(TOKEN).loginTicket(clock);
        assertFalse(ticket.contains(TOKEN));
        guard.redeemTicket(ticket); // leads to the operators' login page; opens no session
        ApiException again = assertThrows(ApiException.class, () -> guard.redeemTicket(ticket));
        assertEquals(ApiError.LOGIN_LINK_INVALID, again.error());
    }

    @Test
    void anExpiredLinkIsRefused() {
        String ticket = AccessToken.of(TOKEN).loginTicket(clock);
        clock.advance(AccessToken.TICKET_LIFETIME.plusSeconds(1));
        assertEquals(ApiError.LOGIN_LINK_INVALID, assertThrows(ApiException.class, () -> guard.redeemTicket(ticket)).error());
    }

    @Test
    void aLinkOfAnotherTerminalOrAlteredIsRefused() {
        String foreign = AccessToken.of("another-terminals-token-0123456789abcdefghij").loginTicket(clock);
        assertThrows(ApiException.class, () -> guard.redeemTicket(foreign));
        String ticket = AccessToken.of(TOKEN).loginTicket(clock);
        char last = ticket.charAt(10);
        String altered = ticket.substring(0, 10) + (last == 'A' ? 'B' : 'A') + ticket.substring(11);
        assertThrows(ApiException.class, () -> guard.redeemTicket(altered));
        assertThrows(ApiException.class, () -> guard.redeemTicket("not-a-ticket"));
        assertThrows(ApiException.class, () -> guard.redeemTicket(null));
    }

    @Test
    void aLinkDatedFarAheadIsRefused() {
        MovingClock future = new MovingClock();
        future.advance(Duration.ofDays(1));
        String ticket = AccessToken.of(TOKEN).loginTicket(future);
        assertThrows(ApiException.class, () -> guard.redeemTicket(ticket), "a link must not outlive its 5 minutes");
    }

    @Test
    void aSessionEndsAfterTwelveHours() {
        String session = guard.login(TOKEN);
        clock.advance(Duration.ofHours(12).minusSeconds(1));
        assertTrue(sessions.valid(session));
        clock.advance(Duration.ofSeconds(2));
        assertFalse(sessions.valid(session), "expired");
    }
}
