package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.CounterRulesTest.psnNo;
import static cn.yibao.simulator.counter.CounterRulesTest.refused;
import static cn.yibao.simulator.counter.CounterRulesTest.rules;
import static cn.yibao.simulator.counter.CounterRulesTest.settles;
import static cn.yibao.simulator.counter.LiveCounterTest.LIANHUA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.cardlist.CardListException;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.cardlist.ListStatus;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.testing.Await;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lost and blacklisted cards, by the card's own state and by the host's lists: refused with their
 * code and Chinese message, nothing debited or journaled, reported to the host at once or kept in
 * the outbox until it can be reached; each as its setting says.
 */
class ListedCardRulesTest {

    private static final String LOST_ZH = "此卡已挂失，请收回并联系医保经办机构";
    private static final String BLACKLISTED_ZH = "此卡已被列入黑名单，不能结算";

    /** How long what happens in the background (reports, refreshes) may take. */
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private static void connect(CounterFixture f, InProcessCardHost host) {
        f.host.use(host);
    }

    @Test
    void aCardLostByItsOwnStateIsRefusedAndReportedAtOnce() {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "lost")) {
            connect(f, host);
            refused(f, "CARD_LOST", LOST_ZH, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            Await.until(WAIT, () -> f.counter.cardWatch().waitingReports() == 0, "sent at once");
            assertEquals(1, host.reports().size(), "query, pre-settlement and settlement: one presentation, one report");
            ObjectNode r = host.reports().get(0);
            assertEquals(f.card.snapshot().serialHex(), r.path("card_no").asText());
            assertEquals("LOST", r.path("status").asText());
            assertEquals("CARD", r.path("source").asText());
            assertTrue(r.path("seen_at").asText().matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"));
        }
    }

    @Test
    void aPersonQueryShowsALostCardAndReportsItWithoutRefusing() {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "lost")) {
            connect(f, host);
            assertEquals("3", f.counter.queryPerson(PersonQuery.cardOnReader()).cardinfo().cardStas());
            Await.until(WAIT, () -> host.reports().size() == 1, "the sighting is reported at once");
            assertEquals("LOST", host.reports().get(0).path("status").asText());
        }
    }

    @Test
    void aCardPresentedAgainLaterIsReportedAgain() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
        try (CounterFixture f = new CounterFixture(dir, "blacklisted", rules(3), clock,
                CounterFixture.TERMINAL_KEY.getPrivate())) {
            connect(f, host);
            f.counter.queryPerson(PersonQuery.cardOnReader());
            clock.advance(Duration.ofMinutes(9));
            f.counter.queryPerson(PersonQuery.cardOnReader());
            // a report being sent is still counted as waiting until the host answers: let the queue drain first
            Await.until(WAIT, () -> f.counter.cardWatch().waitingReports() == 0,
                    () -> "no report waiting, " + f.counter.cardWatch().waitingReports() + " wait");
            assertEquals(1, host.reports().size(), "same presentation");
            clock.advance(Duration.ofMinutes(11));
            f.counter.queryPerson(PersonQuery.cardOnReader());
            Await.until(WAIT, () -> f.counter.cardWatch().waitingReports() == 0,
                    () -> "no report waiting, " + f.counter.cardWatch().waitingReports() + " wait");
            assertEquals(2, host.reports().size(), "a later presentation is a new sighting");
        }
    }

    @Test
    void aPersonQueryShowsACardOnTheHostsBlacklist() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            connect(f, host);
            PersonQuery query = PersonQuery.cardOnReader();
            assertEquals("1", f.counter.queryPerson(query).cardinfo().cardStas());
            host.list(f.card.snapshot().serialHex(), "BLACKLISTED");
            f.counter.cardWatch().refresh(host);
            assertEquals("4", f.counter.queryPerson(query).cardinfo().cardStas());
            Await.until(WAIT, () -> host.reports().size() == 1, () -> "one report at the host: " + host.reports());
            assertEquals("LIST", host.reports().get(0).path("source").asText());
        }
    }

    @Test
    void aBlacklistedCardIsRefused() {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "blacklisted")) {
            connect(f, host);
            refused(f, "CARD_BLACKLISTED", BLACKLISTED_ZH, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            Await.until(WAIT, () -> host.reports().size() == 1, () -> "one report at the host: " + host.reports());
            assertEquals("BLACKLISTED", host.reports().get(0).path("status").asText());
        }
    }

    @Test
    void aListedCardSettlesButIsStillReportedWhenRefusalIsOff() {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "lost", rules(3, "refuse_listed_cards"))) {
            connect(f, host);
            settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            Await.until(WAIT, () -> host.reports().size() == 1, () -> "one report at the host: " + host.reports());
        }
    }

    @Test
    void nothingIsReportedWhenReportingIsOff() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "blacklisted", rules(3, "report_listed_cards"))) {
            connect(f, host);
            refused(f, "CARD_BLACKLISTED", BLACKLISTED_ZH, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            assertEquals(0, f.counter.cardWatch().waitingReports());
            assertEquals(0, f.counter.cardWatch().refresh(host).reportsSent());
            assertEquals(List.of(), host.reports());
        }
    }

    @Test
    void theHostsListsAreDownloadedIncrementallyAndRefuseANormalCard() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            connect(f, host);
            String serial = f.card.snapshot().serialHex();
            String psnNo = psnNo(f);
            host.list("C0000001", "LOST");
            host.list("C0000002", "BLACKLISTED");
            host.list(serial, "LOST");
            CardWatch.Refresh first = f.counter.cardWatch().refresh(host);
            assertEquals(new CardWatch.Refresh(0, 3, 3, 0), first);
            assertEquals(List.of(0L, 2L), host.asked(), "two answers: the host sends two changes per answer");
            assertEquals(ListStatus.LOST, f.counter.cardWatch().lookup(serial).orElseThrow().status());

            refused(f, "CARD_LOST", LOST_ZH, CounterFixture.sale(psnNo, LIANHUA, "1"));
            Await.until(WAIT, () -> f.counter.cardWatch().waitingReports() == 0,
                    () -> "no report waiting, " + f.counter.cardWatch().waitingReports() + " wait");
            assertEquals(1, host.reports().size());
            assertEquals("LIST", host.reports().get(0).path("source").asText());

            host.list(serial, "BLACKLISTED");
            assertEquals(new CardWatch.Refresh(3, 4, 1, 0), f.counter.cardWatch().refresh(host));
            assertEquals(3L, host.asked().get(2), "asks only for what it does not have");
            refused(f, "CARD_BLACKLISTED", BLACKLISTED_ZH, CounterFixture.sale(psnNo, LIANHUA, "1"));
            Await.until(WAIT, () -> host.reports().size() == 2, "a new status is a new report");

            host.list(serial, "CLEARED");
            assertEquals(5, f.counter.cardWatch().refresh(host).toVersion());
            assertTrue(f.counter.cardWatch().lookup(serial).isEmpty());
            settles(f, CounterFixture.sale(psnNo, LIANHUA, "1"));
            assertTrue(f.counter.cardWatch().lookup("C0000002").isPresent(), "other cards stay listed");
        }
    }

    @Test
    void theListsSurviveARestart() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            host.list(f.card.snapshot().serialHex(), "BLACKLISTED");
            f.counter.cardWatch().refresh(host);
            f.restart();
            assertEquals(1, f.counter.cardWatch().version());
            refused(f, "CARD_BLACKLISTED", BLACKLISTED_ZH, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
        }
    }

    @Test
    void reportsWaitInTheOutboxWhileTheHostIsDownAndGoWithTheNextRefresh() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        host.reachable(false);
        try (CounterFixture f = new CounterFixture(dir, "lost")) {
            connect(f, host);
            refused(f, "CARD_LOST", LOST_ZH, CounterFixture.sale(psnNo(f), LIANHUA, "1"));
            assertEquals(1, f.counter.cardWatch().waitingReports(), "kept on disk before the refusal");
            f.restart();
            assertEquals(1, f.counter.cardWatch().waitingReports(), "and across a restart");
            assertThrows(HostUnavailableException.class, () -> f.counter.cardWatch().refresh(host));
            host.reachable(true);
            assertEquals(1, f.counter.cardWatch().refresh(host).reportsSent());
            assertEquals(0, f.counter.cardWatch().waitingReports());
            assertEquals(1, host.reports().size());
            assertEquals(0, f.counter.cardWatch().drain(host), "nothing left to send");
        }
    }

    @Test
    void theRuntimeRefreshesTheListsAndNeverThrowsForTheHostsSake() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir.resolve("fixture"), "employee");
             CounterRuntime runtime = CounterRuntime.open(dir.resolve("terminal"), f.access(), "220100000001",
                     Clock.systemDefaultZone(), RuntimeOptions.defaults().host(new HostSwitch(host)))) {
            host.list(f.card.snapshot().serialHex(), "LOST");
            host.reachable(false);
            assertEquals(Optional.empty(), runtime.refreshCardLists(host));
            host.reachable(true);
            assertEquals(Optional.of(new CardWatch.Refresh(0, 1, 1, 0)), runtime.refreshCardLists(host));
            CounterRefusedException e = assertThrows(CounterRefusedException.class,
                    () -> runtime.counter().preSettlePharmacy(CounterFixture.sale("x", LIANHUA, "1")));
            assertEquals("CARD_LOST", e.refusal().code());
            Await.until(WAIT, () -> host.reports().size() == 1, "reported through the runtime's host switch");
            host.list("bad card no", "LOST");
            assertEquals(Optional.empty(), runtime.refreshCardLists(host));
            assertTrue(Files.exists(dir.resolve("terminal").resolve(CardWatch.FILE)));
        }
    }

    @Test
    void aMalformedListAnswerChangesNothing() throws Exception {
        InProcessCardHost host = new InProcessCardHost(2);
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            host.list("C0000001", "LOST");
            host.list("not a card number", "LOST");
            assertThrows(CardListException.class, () -> f.counter.cardWatch().refresh(host));
            assertEquals(0, f.counter.cardWatch().version());
            assertTrue(f.counter.cardWatch().lookup("C0000001").isEmpty(), "the batch is stored whole or not at all");
        }
    }
}
