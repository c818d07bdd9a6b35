package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header and the journal in the cashier's words (issue 20, points 6 and 8) on the live counter:
 * the logged-in operator's name ({@code GET /console/api/me}), 交班 and 退出 are shown, and the
 * receipt names the cashier. The journal names the kind of
 * transaction in Chinese and says when a search finds nothing.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleHeaderIT {

    @TempDir
    Path dir;

    @Test
    void theHeaderNamesTheOperatorAndTheJournalSpeaksChinese() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            till.browser.waitFor("return !document.getElementById('operator').hidden", "the operator shown");
            assertEquals("收银员 " + ConsoleLogin.CASHIER_NAME, till.browser.text("#operator"));
            assertEquals("/console/shift.html", till.browser.script(
                    "return document.getElementById('shift').getAttribute('href')").asText());
            assertTrue(till.browser.script("return !document.getElementById('logout').hidden").asBoolean(), "退出");

            till.scan(LIANHUA, 1);
            till.readCard();
            till.preSettle();
            String receipt = till.settleWithPin("123456");
            assertTrue(receipt.contains("收银员：" + ConsoleLogin.CASHIER_NAME), receipt);

            till.keys("\uE036"); // F6
            assertEquals("journal-q", till.focused());
            till.keys(WebDriver.ENTER);
            till.browser.waitFor("return document.querySelectorAll('#journal-table tbody tr').length === 1"
                    + " && document.querySelector('#journal-table tbody td:nth-child(3)').textContent === '药店结算'",
                    "the sale in the journal, in words");
            assertEquals("code", till.focused());
            till.keys("\uE036");
            till.keys("99999999" + WebDriver.ENTER);
            till.browser.waitFor("return document.querySelector('#journal-table tbody td').textContent"
                    + " === '没有找到“99999999”的交易'", "an empty search says so");
        }
    }
}
