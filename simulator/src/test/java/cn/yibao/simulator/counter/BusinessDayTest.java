package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.CounterRulesTest.psnNo;
import static cn.yibao.simulator.counter.CounterRulesTest.rules;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.DayTotals;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.live.Receipts;
import cn.yibao.terminal.devices.ReceiptLine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One business day whatever the machine's clock zone: the same sales at 23:59:59 and 00:00:00
 * Beijing time, on a machine whose zone (the JVM's default, as {@code TZ} sets it, and the
 * counter's clock) is UTC, Asia/Shanghai or America/Los_Angeles, give the same settlement and
 * receipt times, the same day totals, the same daily purchase limit and the same same-day
 * cancellation — all in the business zone (Asia/Shanghai by default).
 */
class BusinessDayTest {

    private static final Pin PIN = Pin.ofNullable("123456");
    /** 2026-12-06 23:59:59 in Beijing. */
    private static final Instant LAST_SECOND = Instant.parse("2026-12-06T15:59:59Z");
    /** 2026-12-07 00:00:00 in Beijing. */
    private static final Instant MIDNIGHT = Instant.parse("2026-12-06T16:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theMachinesZoneMovesNoDayAndNoTime() {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        for (String zone : List.of("UTC", "Asia/Shanghai", "America/Los_Angeles")) {
            seen.put(zone, daysAndTimes(zone));
        }
        List<String> beijing = List.of(
                "settled 2026-12-06T23:59:59", "receipt 2026-12-06 23:59:59", "today 2026-12-06 1 sales",
                "settled 2026-12-07T00:00", "receipt 2026-12-07 00:00:00", "today 2026-12-07 1 sales",
                "second purchase DAILY_PURCHASE_LIMIT", "cancel yesterday's NOT_SAME_DAY", "cancel today's ok",
                "today 2026-12-07 0 sales 1 cancellations");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        seen.keySet().forEach(z -> expected.put(z, beijing));
        assertEquals(expected, seen);
    }

    /** The sales and what the counter says of them, on a machine whose clock zone is {@code zone}. */
    private List<String> daysAndTimes(String zone) {
        TimeZone machine = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        List<String> out = new ArrayList<>();
        MutableClock clock = new MutableClock(LAST_SECOND, ZoneId.of(zone));
        try (CounterFixture f = new CounterFixture(dir.resolve(zone.replace('/', '_')), "employee", rules(1), clock,
                CounterFixture.TERMINAL_KEY.getPrivate())) {
            RefundHost host = new RefundHost();
            f.host.use(host);
            String psnNo = psnNo(f);
            Settlement late = sell(f, psnNo, "P-1", out);
            clock.set(MIDNIGHT);
            Settlement early = sell(f, psnNo, "P-2", out);
            out.add("second purchase " + refusal(() -> f.counter.settlePharmacy(
                    CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), PIN, "P-3")));
            f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);
            out.add("cancel yesterday's " + refusal(() -> f.counter.cancel(
                    new CancelRequest(late.setlinfo().setlId(), null, psnNo), "C-1")));
            f.counter.cancel(new CancelRequest(early.setlinfo().setlId(), null, psnNo), "C-2");
            out.add("cancel today's ok");
            DayTotals t = f.counter.todayTotals();
            out.add("today " + t.date() + " " + t.setlCnt() + " sales " + t.cancelCnt() + " cancellations");
        } finally {
            TimeZone.setDefault(machine);
        }
        return out;
    }

    private static Settlement sell(CounterFixture f, String psnNo, String msgid, List<String> out) {
        Settlement s = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), PIN, msgid);
        out.add("settled " + s.setlinfo().setlTime());
        out.add("receipt " + Receipts.of(s, "药店", "T1").lines().stream()
                .filter(l -> l instanceof ReceiptLine.Pair p && p.label().equals("时间"))
                .map(l -> ((ReceiptLine.Pair) l).value()).findFirst().orElse("none"));
        DayTotals t = f.counter.todayTotals();
        out.add("today " + t.date() + " " + t.setlCnt() + " sales");
        return s;
    }

    private static String refusal(Runnable r) {
        return assertThrows(CounterRefusedException.class, r::run).refusal().code();
    }
}
