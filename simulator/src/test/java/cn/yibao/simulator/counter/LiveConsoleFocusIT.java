package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static cn.yibao.simulator.counter.ConsoleTill.OMEPRAZOLE;
import static cn.yibao.simulator.counter.ConsoleTill.VITAMIN_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Focus discipline and entry checks (issue 20, points 2 and 3) on the live counter: after every
 * action, success or error, the next scan lands in the code field; a bad scan is cleared and
 * echoed; quantities are checked at entry in Chinese; the line at fault is highlighted; repeated
 * scans of one item make one line.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleFocusIT {

    @TempDir
    Path dir;

    @Test
    void theFocusComesBackToTheCodeFieldAfterEveryErrorAndABadScanIsCleared() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            // an unknown barcode: echoed, cleared, so the next good scan is not glued onto it
            till.browser.type("#code", "6999999999999" + WebDriver.ENTER);
            till.waitMessage("未找到“6999999999999”");
            assertEquals("", till.browser.script("return document.getElementById('code').value").asText());
            assertEquals("code", till.focused());
            till.keys(LIANHUA + WebDriver.ENTER);
            till.waitLines(1);

            // a refusal (no card read yet)
            till.keys(WebDriver.F5);
            till.waitMessage("请先读卡");
            assertEquals("code", till.focused());

            // Esc in the PIN box: back to 预结算, nothing paid, focus on the code field
            till.readCard();
            till.preSettle();
            till.keys(WebDriver.F8);
            till.browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
            assertEquals("pin", till.focused());
            till.keys(ConsoleTill.ESCAPE);
            till.browser.waitFor("return document.getElementById('pin-dialog').hidden", "the PIN prompt closed");
            assertEquals("code", till.focused());
            assertEquals("预结算", till.state());
            assertEquals(0, till.card().log().size());

            // a prescription drug without its 处方号: refused, the line at fault highlighted
            till.keys(OMEPRAZOLE + WebDriver.ENTER);
            till.waitLines(2);
            till.keys(WebDriver.F5);
            till.waitMessage("处方");
            assertEquals("code", till.focused());
            assertTrue(till.browser.script("return document.querySelectorAll('#lines tbody tr')[1].classList.contains('fault')"
                    + " && !document.querySelectorAll('#lines tbody tr')[0].classList.contains('fault')").asBoolean(),
                    "the prescription drug's line is highlighted, the other one is not");

            // a settlement paid from the account only (no cash to collect): focus back on the code field
            till.keys(ConsoleTill.F9);
            till.waitLines(0);
            till.keys(LIANHUA + WebDriver.ENTER);
            till.waitLines(1);
            till.readCard();
            till.preSettle();
            till.settleWithPin("123456");
            assertEquals("已完成", till.state());
            assertEquals("code", till.focused());
        }
    }

    @Test
    void quantitiesAreCheckedAtEntryInChinese() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            String[][] refused = {{"0*", "数量必须大于 0"}, {"0.37*", "按包装销售，数量必须是整数"},
                {"99999*", "数量不能超过 9999"}, {"-2*", "数量必须大于 0"}};
            for (String[] q : refused) {
                till.browser.script("document.getElementById('message').textContent = ''");
                till.keys(q[0] + LIANHUA + WebDriver.ENTER);
                till.waitMessage(q[1]);
                assertEquals(0, till.lines(), q[0] + " enters nothing");
                assertEquals("code", till.focused());
            }
            // the 数量 field is checked the same way
            till.browser.script("document.getElementById('qty').value = '0.5'");
            till.keys(VITAMIN_C + WebDriver.ENTER);
            till.waitMessage("数量必须是整数");
            assertEquals(0, till.lines());
            till.browser.script("document.getElementById('qty').value = '1'");

            // 9999 is the most; merging past it is refused too
            till.keys("9999*" + LIANHUA + WebDriver.ENTER);
            till.waitLines(1);
            till.keys(LIANHUA + WebDriver.ENTER);
            till.waitMessage("数量不能超过 9999");
            assertEquals("9999", till.browser.text("#lines tbody tr td:nth-child(6)"));
        }
    }

    @Test
    void repeatedScansOfOneItemMergeIntoOneLineAndTheBasketScrollsToTheNewest() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            till.scan(LIANHUA, 1);
            till.keys(LIANHUA + WebDriver.ENTER);
            till.browser.waitFor("return document.querySelector('#lines tbody tr td:nth-child(6)').textContent === '2'",
                    "two of one item on one line");
            till.keys("3*" + LIANHUA + WebDriver.ENTER);
            till.browser.waitFor("return document.querySelector('#lines tbody tr td:nth-child(6)').textContent === '5'",
                    "five on one line");
            assertEquals(1, till.lines());
            assertEquals("125.00", till.browser.text("#lines-total"));
            assertEquals("0.35g*24粒", till.browser.text("#lines tbody tr td:nth-child(3)"), "the 规格 column");

            // a long basket: the newest line and the total stay in view
            String[] codes = {"6901234500017", "6901234500024", "6901234500031", "6901234500055", VITAMIN_C, "6901234500079"};
            int pieces = 5;
            for (int i = 0; i < 3; i++) {
                for (String code : codes) {
                    till.keys(code + WebDriver.ENTER);
                    pieces++;
                    till.browser.waitFor("return Sale.get().lines.reduce((s, l) => s + l.qty, 0) === " + pieces,
                            pieces + " pieces entered");
                }
            }
            till.waitLines(7);
            // one item under another 处方号 is a line of its own
            for (int rx = 1; rx <= 8; rx++) {
                till.browser.script("document.getElementById('rxno').value = 'RX-" + rx + "'");
                till.keys("6901234500017" + WebDriver.ENTER);
                till.waitLines(7 + rx);
            }
            assertTrue(till.browser.script("const b = document.getElementById('basket').getBoundingClientRect();"
                    + " const rows = document.querySelectorAll('#lines tbody tr');"
                    + " const last = rows[rows.length - 1].getBoundingClientRect();"
                    + " const total = document.getElementById('lines-total').getBoundingClientRect();"
                    + " return last.bottom <= total.top + 1 && last.top >= b.top && total.bottom <= b.bottom + 1"
                    + " && total.top >= b.top").asBoolean(), "the newest line and the total are visible");
            assertFalse(till.browser.script("const b = document.getElementById('basket'); return b.scrollTop === 0")
                    .asBoolean(), "the basket scrolled");
        }
    }
}
