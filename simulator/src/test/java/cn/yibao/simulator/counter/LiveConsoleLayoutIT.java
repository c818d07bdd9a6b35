package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static cn.yibao.simulator.counter.ConsoleTill.VITAMIN_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.counter.live.BundledCatalog;
import cn.yibao.terminal.testing.WebDriver;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The till's layout (issue 20, points 3, 8 and 9) at 1366×768 and 1024×768 on the live counter:
 * short columns never wrap, a long name is ellipsised with the full name on hover, the card panel
 * stays on screen, the message bar never covers an input, the 应收 summary is in view, fund rows
 * that pay nothing are hidden while the explanation keeps them. Screenshots go to
 * {@code simulator/target/console-screenshots/}.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleLayoutIT {

    /** A long Latin name, as an imported drug may have, and its barcode. */
    static final String LONG_NAME = "Amoxicillin and Clavulanate Potassium Dispersible Tablets Extended Release Paediatric";
    static final String LONG_CODE = "6901234500093";

    @TempDir
    Path dir;

    @Test
    void theTillFitsAt1366x768And1024x768() throws Exception {
        writeCatalog(dir.resolve("terminal"));
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            till.scan("2*" + LIANHUA, 1);
            till.scan(VITAMIN_C, 2);
            till.scan(LONG_CODE, 3);
            till.scan("6901234500079", 4);
            till.readCard();
            till.preSettle();
            till.browser.script("document.getElementById('message').textContent = '读卡成功：张伟';"
                    + " document.getElementById('message').hidden = false; clearTimeout(say.timer);");
            for (int[] size : new int[][] {{1366, 768}, {1024, 768}}) {
                till.browser.viewport(size[0], size[1]);
                String at = size[0] + "x" + size[1];
                assertEquals(size[0], till.browser.script("return window.innerWidth").asInt(), at);
                check(till, at);
                till.screenshot("console-" + at + "-presettled");
            }

            // the PIN box with its 应收 summary, at the smaller size
            till.keys(WebDriver.F8);
            till.browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
            till.screenshot("console-1024x768-pin");
            till.keys("123456" + WebDriver.ENTER);
            till.browser.waitFor("return Sale.get().state === '已完成' || Sale.get().state === '已收费'", "paid");
            till.browser.viewport(1366, 768);
            till.screenshot("console-1366x768-paid");
        }
    }

    private static void check(ConsoleTill till, String at) {
        WebDriver b = till.browser;
        assertTrue(b.script("return [...document.querySelectorAll('#lines tr, #journal-table thead tr')]"
                + ".every(r => r.getBoundingClientRect().height < 40)").asBoolean(), at + ": a row wraps");
        assertTrue(b.script("return [...document.querySelectorAll('#lines th, #journal-table th')]"
                + ".every(c => c.scrollHeight <= c.clientHeight + 1)").asBoolean(), at + ": a header wraps");
        String longCell = "document.querySelectorAll('#lines tbody tr')[2].children[1]";
        assertTrue(b.script("const c = " + longCell + "; return c.scrollWidth > c.clientWidth"
                + " && getComputedStyle(c).textOverflow === 'ellipsis'").asBoolean(), at + ": the long name is ellipsised");
        assertEquals(LONG_NAME, b.script("return " + longCell + ".title").asText(), at + ": the full name on hover");
        assertTrue(b.script("return document.getElementById('card').getBoundingClientRect().right <= window.innerWidth"
                + " && document.documentElement.scrollWidth <= window.innerWidth").asBoolean(), at + ": off-screen");
        assertTrue(b.script("const m = document.getElementById('message').getBoundingClientRect();"
                + " return m.height > 0 && [...document.querySelectorAll('input, button')].every(e => {"
                + " const r = e.getBoundingClientRect();"
                + " return r.height === 0 || r.bottom <= m.top || r.top >= m.bottom || r.right <= m.left || r.left >= m.right; })")
                .asBoolean(), at + ": the message covers an input");
        assertTrue(b.script("const r = document.getElementById('due-cash').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight").asBoolean(), at + ": 现金应收 below the fold");
        assertTrue(b.script("return [...document.querySelectorAll('#split-table tr')].every(r =>"
                + " r.classList.contains('strong') || r.dataset.field === 'balc'"
                + " || r.hidden === (Number(Sale.get().pre.setlinfo[r.dataset.field]) === 0))").asBoolean(),
                at + ": zero fund rows hidden, the others shown");
        assertTrue(b.script("return document.querySelectorAll('#split-table tr[hidden]').length > 0"
                + " && document.querySelectorAll('#explain li').length > 0").asBoolean(), at + ": some hidden, explained");
        assertEquals("0.35g*24粒", b.text("#lines tbody tr td:nth-child(3)"), at + ": 规格");
    }

    /** The bundled catalog and one more item with a long Latin name, as the counter's catalog file. */
    private static void writeCatalog(Path dataDir) throws Exception {
        String bundled;
        try (InputStream in = BundledCatalog.class.getResourceAsStream(BundledCatalog.RESOURCE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String item = "{\"hilist_code\": \"XJ01CRA001A001010100001\", \"hilist_name\": \"" + LONG_NAME + "\", \"barcode\": \""
                + LONG_CODE + "\", \"spec\": \"0.2285g*12片\", \"chrgitm_lv\": \"B\", \"pric\": \"28.60\", \"rx_flag\": \"0\"},";
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve("catalog.json"), bundled.replace("\"items\": [", "\"items\": [\n    " + item));
    }
}
