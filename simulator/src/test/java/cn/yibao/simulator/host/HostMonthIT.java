package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.CardSighting;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.Finding;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.MovementType;
import cn.yibao.simulator.supervision.PostLossDetector;
import cn.yibao.simulator.supervision.SettledTransaction;
import cn.yibao.simulator.supervision.SupervisionPolicy;
import cn.yibao.simulator.supervision.HostVisitType;
import cn.yibao.simulator.supervision.report.CsvReport;
import cn.yibao.simulator.supervision.report.HtmlReport;
import cn.yibao.simulator.supervision.report.MonthlyReports;
import cn.yibao.simulator.supervision.report.PharmacyMonthReport;
import cn.yibao.simulator.supervision.traffic.GeneratedMonth;
import cn.yibao.simulator.supervision.traffic.MonthExport;
import cn.yibao.simulator.supervision.traffic.MonthImport;
import cn.yibao.terminal.cardlist.ListStatus;
import cn.yibao.terminal.cardlist.ListedCardReport;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.live.BundledCatalog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The host's own month for supervision, over mutual TLS: a pharmacy's terminal uploads signed
 * settlements and its inventory messages (3501 counts, 3502 changes; a retry stored once, a bad
 * line refused), the host lists one of the cards as lost before those sales; the month read back
 * from the host's store holds them all, survives the JSON Lines export and import unchanged, and the
 * use-after-loss detector finds the lost card's settlements; the lost card presented again and
 * refused at the counter (9121) is in the pharmacy's monthly report.
 */
class HostMonthIT extends LoopbackHost {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Test
    void theHostsMonthFeedsSupervision() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-SUP");
        List<UploadedRecord> recs = List.of(t.sign(30_00), t.sign(45_00), t.sign(12_00), t.sign(9_90), t.sign(60_00));
        String lostCard = recs.get(0).record().proof().cardNo();
        host.service().reportCard(lostCard, "LOST", Instant.now().minus(Duration.ofHours(2)));
        LocalDateTime now = LocalDateTime.now(ZONE).withNano(0);
        try (HostSession s = t.session(host.port())) {
            assertEquals(5, VirtualTerminal.upload(s, recs).output().path("accepted").asInt());

            Response counted = s.call(Infno.STOCK_TAKE, info(take("XA01", now), take("XB02", now)));
            assertEquals(2, counted.output().path("stored").asInt(), counted.toString());
            Request change = s.request(Infno.STOCK_CHANGE, info(change("XA01", "3503", 40, now),
                    change("XA01", "3505", 2, now)));
            assertEquals(2, s.call(change).output().path("stored").asInt());
            Response retried = s.call(change);
            assertTrue(retried.ok());
            assertEquals(0, retried.output().path("stored").asInt(), "the same msgid is stored once");

            ObjectNode bad = change("XA01", "9999", 1, now);
            assertEquals("BAD_INPUT", s.call(Infno.STOCK_CHANGE, info(bad)).code(), "unknown inv_chg_type");
            assertEquals("BAD_INPUT", s.call(Infno.STOCK_CHANGE, info(change("XA01", "3503", 0, now))).code(),
                    "no zero quantities");
            assertEquals("BAD_INPUT", s.call(Infno.STOCK_TAKE, Json.object().put("invinfo", "x")).code());

            ListedCardReport seen = ListedCardReport.of(lostCard, ListStatus.LOST, ListedCardReport.Source.LIST,
                    Instant.now());
            assertTrue(s.call(Infno.CARD_REPORT, seen.toJson()).ok(), "the lost card presented again, refused");
        }

        YearMonth month = YearMonth.from(now);
        BundledCatalog catalog = BundledCatalog.bundled();
        MonthData data = HostMonth.read(host.store(), month, code -> catalog.byCode(code).map(CatalogItem::pric));
        List<SettledTransaction> mine = data.transactions().stream().filter(x -> x.terminalId().equals("T-SUP")).toList();
        assertEquals(5, mine.size());
        SettledTransaction first = mine.get(0);
        assertEquals("HTSUP", first.institutionCode());
        assertEquals(HostVisitType.PHARMACY, first.visitType());
        assertEquals(Money.ofFen(30_00), first.split().total());
        assertEquals(CatalogClass.A, first.items().get(0).catalogClass());
        assertEquals(HostVisitType.OUTPATIENT, mine.get(4).visitType(), "every fifth is a cash outpatient visit");
        assertTrue(data.lossReports().stream().anyMatch(r -> r.card().equals(CardRef.of(lostCard))));
        assertEquals(2, data.movements().stream().filter(m -> m.fixmedinsCode().equals("HTSUP")).count());
        assertEquals(MovementType.SALE_OUT, data.movements().get(1).type());
        assertEquals(2, data.stockTakes().size());

        CardSighting sighting = data.sightings().stream().filter(x -> x.fixmedinsCode().equals("HTSUP"))
                .findFirst().orElseThrow();
        assertEquals(CardRef.of(lostCard), sighting.card());
        assertTrue(sighting.afterListing(), "presented after the host had listed it");
        PharmacyMonthReport report = MonthlyReports.build(data, SupervisionPolicy.defaults()).stream()
                .filter(r -> r.pharmacy().code().equals("HTSUP")).findFirst().orElseThrow();
        assertEquals(List.of(sighting), report.sightings());
        assertTrue(HtmlReport.render(report).contains("<td class=\"bad\">挂失卡</td><td>中心名单</td>"));
        assertTrue(CsvReport.render(report).contains("拦截,LISTED_CARD_PRESENTED,挂失卡,"));

        List<Finding> found = new PostLossDetector(SupervisionPolicy.defaults().postLoss()).detect(data);
        assertFalse(found.isEmpty(), "the lost card's settlements after the report are found");
        assertTrue(found.stream().allMatch(f -> f.institutionCode().equals("HTSUP")));

        MonthExport.write(new GeneratedMonth(data, List.of()), dir.resolve("export"));
        assertEquals(data, MonthImport.read(dir.resolve("export"), month).data(), "export and import keep the month");
    }

    private static ObjectNode info(ObjectNode... lines) {
        ObjectNode in = Json.object();
        ArrayNode arr = in.putArray("invinfo");
        for (ObjectNode l : lines) {
            arr.add(l);
        }
        return in;
    }

    private static ObjectNode take(String code, LocalDateTime now) {
        return Json.object().put("med_list_codg", code).put("fixmedins_hilist_id", "P-" + code)
                .put("invdate", now.toLocalDate().toString()).put("inv_cnt", 38);
    }

    private static ObjectNode change(String code, String type, int cnt, LocalDateTime now) {
        return Json.object().put("med_list_codg", code).put("fixmedins_hilist_id", "P-" + code)
                .put("fixmedins_hilist_name", "药品" + code).put("chrgitm_lv", "01").put("inv_chg_type", type)
                .put("inv_chg_time", now.format(Request.TIME)).put("cnt", cnt).put("pric", "10.00");
    }
}
