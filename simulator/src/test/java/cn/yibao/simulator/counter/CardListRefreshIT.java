package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.session.CardSession;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.cardlist.ListStatus;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CardAccess;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.CounterSettings;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card listed at the host while a counter stays signed in reaches the counter's list within the
 * refresh interval of {@code counter.properties}, over the same mutual-TLS session (no new sign-in).
 */
class CardListRefreshIT {

    private static final String TERMINAL = "220100000009";
    private static final CardAccess NO_CARD = new CardAccess() {
        @Override
        public <T> T withCard(Function<CardSession, T> work) {
            throw new IllegalStateException("this test reads no card");
        }
    };

    @TempDir
    Path dir;

    @Test
    void aCardListedAtTheHostReachesASignedInCounterWithinTheInterval() throws Exception {
        Path data = dir.resolve("terminal");
        Files.createDirectories(data);
        Files.writeString(data.resolve(CounterSettings.FILE), "card_list_refresh_seconds=1\n");
        AtomicInteger signIns = new AtomicInteger();
        try (HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0);
             CounterRuntime runtime = CounterRuntime.open(data, NO_CARD, TERMINAL, Clock.systemUTC())) {
            host.enrol(HostConfig.keyDir(data), TERMINAL);
            runtime.onHostSignedIn(signIns::incrementAndGet);
            HostLink link = runtime.connectHost(new HostAddress("localhost", host.port())).orElseThrow();
            assertTrue(link.awaitOnline(Duration.ofSeconds(30)), "signed in");
            CardWatch watch = runtime.counter().cardWatch();
            Await.until(Duration.ofSeconds(10), () -> signIns.get() == 1, "the sign-in's own refresh ran");

            long version = host.service().reportCard("C00000009", "LOST", Instant.now());
            Await.until(Duration.ofSeconds(10), () -> watch.version() == version, "refreshed without a sign-in");
            assertEquals(ListStatus.LOST, watch.lookup("C00000009").orElseThrow().status());
            long cleared = host.service().reportCard("C00000009", "CLEARED", Instant.now());
            Await.until(Duration.ofSeconds(10), () -> watch.version() == cleared,
                    () -> "the cleared list's version " + cleared + ", got " + watch.version());
            assertTrue(watch.lookup("C00000009").isEmpty(), "cleared at the counter too");
            assertEquals(1, signIns.get(), "one session throughout");
        }
    }
}
