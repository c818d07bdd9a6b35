package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.testing.Await;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pharmacy's HIS sends its inventory (3501 stock counts, 3502 stock changes) to the live counter's
 * HTTP API, which forwards each message at once to the real host simulator over the signed-in
 * mutual-TLS link: the host stores every line once per msgid, through a retry and across a host
 * outage, and the HIS is told when the host cannot be reached.
 */
class InventoryApiIT {

    private static final String TOKEN = "inventory-api-token-0123456789abcdefghijkl";
    private static final String COUNT = "{\"med_list_codg\":\"XA11GAA054A001010100261\",\"fixmedins_hilist_id\":\"YP-0261\","
            + "\"invdate\":\"2026-11-22\",\"inv_cnt\":40}";

    @TempDir
    Path dir;

    @Test
    void stockCountsAndChangesReachTheHostOncePerMsgid() throws Exception {
        try (HostedCounter host = new HostedCounter(dir.resolve("host"), dir.resolve("terminal/host-link"));
             CounterFixture f = new CounterFixture(dir.resolve("terminal"), "employee");
             HostLink link = host.link(f, () -> { });
             ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter))) {
            HisClient his = new HisClient(server.baseUri(), TOKEN);
            assertEquals("HOST_UNAVAILABLE_FOR_INVENTORY", his.refused("3501", "INV-1", "{\"invinfo\":" + COUNT + "}"),
                    "the host is not up yet: nothing forwarded, the HIS retries");

            host.up();
            assertTrue(link.awaitOnline(Duration.ofSeconds(30)), "signed in");
            assertStored(his.ok("3501", "INV-1", "{\"invinfo\":" + COUNT + "}"), 1, 1);
            String changes = "{\"invinfo\":[" + change("3503", 100, "8.20") + "," + change("3505", 2, "12.50") + ","
                    + change("104", 1, "8.20") + "]}";
            assertStored(his.ok("3502", "INV-2", changes), 3, 3);
            assertStored(his.ok("3502", "INV-2", changes), 3, 0);
            assertStored(his.ok("3502", "进销存/3", "{\"invinfo\":" + change("3506", 1, "12.50") + "}"), 1, 1);
            assertStored(his.ok("3502", "进销存/3", "{\"invinfo\":" + change("3506", 1, "12.50") + "}"), 1, 0);

            String terminal = " WHERE terminal='" + HostedCounter.TERMINAL + "'";
            assertArrayEquals(new long[] {1, 40}, host.query("SELECT count(*), sum(inv_cnt) FROM stock_take" + terminal));
            assertArrayEquals(new long[] {4, 2, 100 * 820 + 2 * 1250 + 820 + 1250},
                    host.query("SELECT count(*), count(DISTINCT msgid), sum(cnt * pric) FROM stock_change" + terminal),
                    "4 lines under 2 msgids, prices in fen");
            assertArrayEquals(new long[] {1}, host.query("SELECT count(*) FROM stock_change" + terminal
                    + " AND msgid='INV-2' AND line=1 AND inv_chg_type='3505' AND class='A'"
                    + " AND inv_chg_time='2026-11-23T10:12:40' AND fixmedins_hilist_name='阿莫西林胶囊'"),
                    "the HIS's msgid and the line as sent");

            host.down();
            Await.until(Duration.ofSeconds(10), () -> !link.online(), "the link notices");
            assertEquals("HOST_UNAVAILABLE_FOR_INVENTORY", his.refused("3501", "INV-4", "{\"invinfo\":" + COUNT + "}"));
            host.up();
            assertTrue(link.awaitOnline(Duration.ofSeconds(30)), "signed in again");
            assertStored(his.ok("3501", "INV-4", "{\"invinfo\":" + COUNT + "}"), 1, 1);
            assertArrayEquals(new long[] {2}, host.query("SELECT count(*) FROM stock_take" + terminal));
        }
    }

    private static void assertStored(JsonNode output, int lines, int stored) {
        assertEquals(lines, output.path("lines").asInt(), output::toString);
        assertEquals(stored, output.path("stored").asInt(), output::toString);
    }

    private static String change(String type, int cnt, String pric) {
        return "{\"med_list_codg\":\"XA11GAA054A001010100261\",\"fixmedins_hilist_id\":\"YP-0261\","
                + "\"fixmedins_hilist_name\":\"阿莫西林胶囊\",\"chrgitm_lv\":\"01\",\"inv_chg_type\":\"" + type + "\","
                + "\"inv_chg_time\":\"2026-11-23 10:12:40\",\"cnt\":" + cnt + ",\"pric\":" + pric + "}";
    }
}
