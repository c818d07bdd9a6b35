package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.CounterRulesTest.psnNo;
import static cn.yibao.simulator.counter.CounterRulesTest.refused;
import static cn.yibao.simulator.counter.CounterRulesTest.settles;
import static cn.yibao.simulator.counter.LiveCounterTest.LIANHUA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.simulator.host.HostService;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.VirtualTerminal;
import cn.yibao.terminal.cardlist.CardWatch;
import cn.yibao.terminal.cardlist.ListStatus;
import cn.yibao.terminal.cardlist.ListedCardReport;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.testing.Await;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The counter's card lists and listed-card reports against the real host simulator over mutual
 * TLS: the host lists the card, the counter downloads the change (9120), refuses the card, and the
 * host records the sighting (9121) with the terminal, the time and its own listing.
 */
class CardListOverTlsIT {

    @TempDir
    Path dir;

    private static HostCalls calls(HostSession s) {
        return new HostCalls() {
            @Override
            public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
                return s.call(infno, input);
            }

            @Override
            public boolean online() {
                return s.isActive();
            }
        };
    }

    @Test
    void aCardListedAtTheHostIsRefusedAtTheCounterAndItsSightingRecorded() throws Exception {
        try (HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0);
             CounterFixture f = new CounterFixture(dir.resolve("counter"), "employee")) {
            VirtualTerminal t = new VirtualTerminal(host, dir, "T-CARDS");
            try (HostSession s = t.session(host.port())) {
                HostCalls link = calls(s);
                CardWatch watch = f.counter.cardWatch();
                f.host.use(link);
                String serial = f.card.snapshot().serialHex();
                Instant lostAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                host.service().reportCard("C00000009", "BLACKLISTED", lostAt);
                long v = host.service().reportCard(serial, "LOST", lostAt);

                assertEquals(new CardWatch.Refresh(0, v, 2, 0), watch.refresh(link));
                refused(f, "CARD_LOST", "此卡已挂失，请收回并联系医保经办机构", CounterFixture.sale(psnNo(f), LIANHUA, "1"));
                Await.until(Duration.ofSeconds(10), () -> watch.waitingReports() == 0, "sent at once");
                assertEquals(1, host.service().cardSightings(serial).size(),
                        "query, pre-settlement and settlement: one presentation, one sighting");
                HostService.SightingReport seen = host.service().cardSightings(serial).get(0);
                assertEquals("T-CARDS", seen.terminal());
                assertEquals("LOST", seen.status());
                assertEquals("LIST", seen.source());
                assertEquals("LOST", seen.hostStatus());
                assertEquals(lostAt, seen.hostReportedAt(), "the host's proof of when the loss was reported");
                assertFalse(seen.seenAt().isBefore(lostAt), "seen after the loss report");

                long cleared = host.service().reportCard(serial, "CLEARED", Instant.now());
                assertEquals(new CardWatch.Refresh(v, cleared, 1, 0), watch.refresh(link), "only the new change");
                assertEquals(ListStatus.BLACKLISTED, watch.lookup("C00000009").orElseThrow().status());
                settles(f, CounterFixture.sale(psnNo(f), LIANHUA, "1"));

                ListedCardReport again = ListedCardReport.of(serial, ListStatus.LOST, ListedCardReport.Source.CARD,
                        Instant.now());
                assertTrue(s.call(Infno.CARD_REPORT, again.toJson()).output().path("recorded").asBoolean());
                Response twice = s.call(Infno.CARD_REPORT, again.toJson());
                assertTrue(twice.ok());
                assertFalse(twice.output().path("recorded").asBoolean(), "a report sent twice is recorded once");
                assertEquals(2, host.service().cardSightings(serial).size());
                assertEquals("", host.service().cardSightings(serial).get(1).hostStatus(), "cleared by then");
                assertEquals("BAD_INPUT", s.call(Infno.CARD_REPORT, again.toJson().put("card_no", "bad no")).code());
                assertEquals(List.of(), host.service().cardSightings("bad no"));
            }
        }
    }
}
