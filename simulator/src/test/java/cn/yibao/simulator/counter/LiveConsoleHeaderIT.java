package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.testing.PcscdExtension;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header and the journal in the cashier's words (issue 20, points 6 and 8) on the live counter:
 * without named operators ({@code GET /console/api/me} unknown) no name, 交班 or 退出 is shown; where
 * the terminal answers it (a stand-in in the page here, with the endpoint's contract), the
 * operator's name, 交班 and 退出 are, and the receipt names the cashier. The journal names the kind of
 * transaction in Chinese and says when a search finds nothing.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleHeaderIT {

    @TempDir
    Path dir;

    @Test
    void theHeaderNamesTheOperatorWhereTheTerminalHasOperatorsAndTheJournalSpeaksChinese() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            assertTrue(till.browser.script("return document.getElementById('operator').hidden"
                    + " && document.getElementById('shift').hidden && document.getElementById('logout').hidden").asBoolean(),
                    "no operators on this terminal: nothing shown");

            till.browser.script("const real = window.fetch;"
                    + " window.fetch = (path, init) => String(path) === '/console/api/me'"
                    + " ? Promise.resolve(new Response(JSON.stringify({infcode: 0, output:"
                    + " {opter_id: 'C001', opter_name: '李娜', role: 'cashier'}}),"
                    + " {status: 200, headers: {'Content-Type': 'application/json'}})) : real(path, init);"
                    + " showOperator();");
            till.browser.waitFor("return !document.getElementById('operator').hidden", "the operator shown");
            assertEquals("收银员 李娜", till.browser.text("#operator"));
            assertEquals("/console/shift.html", till.browser.script(
                    "return document.getElementById('shift').getAttribute('href')").asText());
            assertTrue(till.browser.script("return !document.getElementById('logout').hidden").asBoolean(), "退出");

            till.scan(LIANHUA, 1);
            till.readCard();
            till.preSettle();
            String receipt = till.settleWithPin("123456");
            assertTrue(receipt.contains("收银员：李娜"), receipt);

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
