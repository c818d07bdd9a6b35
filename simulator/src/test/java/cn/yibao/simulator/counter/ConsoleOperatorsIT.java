package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.live.JournalUpload;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.operator.Role;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.WebDriver;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Named operators at the live counter's console (headless Chromium; virtual card and PSAM, a host
 * that authorises refunds): login and lockout, the operator on every settlement and cancellation
 * (journal, signed record, 5203), the supervisor-approved cancellation with its slip naming the
 * cash to hand back, the shift report, and a session that outlives a restart. Screenshots at
 * 1366×768 and 1024×768 go to {@code target/screenshots/}.
 */
class ConsoleOperatorsIT {

    private static final String TOKEN = "operators-console-token-0123456789abcdefgh";
    private static final String SUPERVISOR_PASSWORD = "supervisor-pw-9001";

    @TempDir
    Path dir;

    private static ApiServer start(CounterFixture f, Path data) throws Exception {
        return ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), f.counter), data);
    }

    @Test
    void operatorsLogInSellCancelWithASupervisorAndCloseTheirShift() throws Exception {
        Path data = dir.resolve("terminal");
        try (CounterFixture f = new CounterFixture(dir.resolve("counter"), "resident-adult");
             WebDriver browser = WebDriver.startChromium(dir.resolve("chromium"))) {
            f.host.use(new RefundHost());
            try (ApiServer server = start(f, data)) {
                server.operators().add("9001", "赵主管", Role.SUPERVISOR, SUPERVISOR_PASSWORD.toCharArray());
                server.operators().add("1002", "李收银", Role.CASHIER, "li-pw-1002".toCharArray());
                loginAndLockout(browser, server);
                ConsoleLogin.asCashier(browser, server);
                assertEquals("1001", fetch(browser, "GET", "/console/api/me", null).path("output").path("opter_id").asText());
                JsonNode noStay = fetch(browser, "GET", "/console/api/stay?ipt_otp_no=ZY0001", null);
                assertEquals("STAY_NOT_FOUND", noStay.path("err_code").asText(), noStay.toString());
                assertEquals("未找到该住院号的在院记录", noStay.path("err_msg").asText());

                sell(browser);
                List<JournalEntry> journal = f.counter.searchJournal(new JournalQuery(null, null, null, null, null, null));
                assertEquals("1001", journal.get(0).opter(), "5203 names the cashier");
                assertEquals(ConsoleLogin.CASHIER_NAME, journal.get(0).opterName());
                RecordResult signed = RecordResult.parse(new JournalUpload(f.journal).after(0, 1).get(0).record().result());
                assertEquals("1001", signed.opter(), "the signed record names the cashier");
                assertEquals(ConsoleLogin.CASHIER_NAME, signed.opterName());
                JsonNode viaApi = fetch(browser, "POST", "/api/5203", "{\"infno\":\"5203\",\"msgid\":\"Q1\",\"input\":{\"data\":{}}}");
                assertEquals("1001", viaApi.path("output").path("data").get(0).path("opter").asText(), viaApi.toString());
                // a second sale of the shift, over the API as the same operator
                f.counter.settlePharmacy(CounterFixture.sale(journal.get(0).psnNo(), LiveCounterTest.VITAMIN_C, "2"), null,
                        "SECOND-SALE", new Opter("1001", ConsoleLogin.CASHIER_NAME));
                f.journal.uploads().acknowledge(f.journal.records().head().nextSeq() - 1);

                cancel(browser, f, journal.get(0));
                shift(browser);
            }
            // the terminal restarts: the cashier is still logged in (the session is kept, hashed, in operators.db)
            try (ApiServer again = start(f, data)) {
                browser.open(again.baseUri().resolve("/console/"));
                JsonNode me = fetch(browser, "GET", "/console/api/me", null);
                assertEquals("1001", me.path("output").path("opter_id").asText(), me.toString());
                assertEquals(0, fetch(browser, "POST", "/console/logout", "{}").path("infcode").asInt());
                assertEquals("OPERATOR_LOGIN_REQUIRED", fetch(browser, "GET", "/console/api/me", null)
                        .path("err_code").asText(), "logged out");
            }
        }
    }

    private static void loginAndLockout(WebDriver browser, ApiServer server) throws Exception {
        browser.open(server.baseUri().resolve("/console/login?ticket=" + AccessToken.of(TOKEN).loginTicket(Clock.systemUTC())));
        browser.waitFor("return document.getElementById('opter-id') !== null", "the ticket link leads to the login page");
        screenshots(browser, "console-login");
        assertEquals("OPERATOR_LOGIN_REQUIRED", fetch(browser, "GET", "/console/api/me", null).path("err_code").asText(),
                "a ticket alone opens no operator session");
        for (int i = 1; i <= 4; i++) {
            ConsoleLogin.as(browser, "1002", "wrong-password");
            browser.waitFor("return document.getElementById('login-error').textContent === '工号或密码错误'", "refused " + i);
        }
        ConsoleLogin.as(browser, "1002", "wrong-password");
        browser.waitFor("return document.getElementById('login-error').textContent.startsWith('账户已锁定')", "locked");
        screenshots(browser, "console-login-locked");
        ConsoleLogin.as(browser, "1002", "li-pw-1002");
        browser.waitFor("return document.getElementById('login-error').textContent.startsWith('账户已锁定')",
                "the right password is refused while locked");
        assertTrue(browser.script("return location.pathname").asText().endsWith("/console/login"));
    }

    /** A cash sale at the console (the resident's card has no account share): F4, F5, F8. */
    private static void sell(WebDriver browser) {
        browser.type("#code", "2*6901234500048" + WebDriver.ENTER); // 连花清瘟胶囊, class B
        browser.waitFor("return document.querySelectorAll('#lines tbody tr').length === 1", "one line");
        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('psn-no').textContent !== ''", "the card is read");
        browser.type("#code", WebDriver.F5);
        browser.waitFor("return !document.getElementById('split-table').hidden", "the split");
        browser.type("#code", WebDriver.F8);
        browser.waitFor("return document.getElementById('receipt').textContent.includes('结算号：S')", "settled");
    }

    private static void cancel(WebDriver browser, CounterFixture f, JournalEntry sale) throws Exception {
        // the console cannot cancel without a supervisor: the plain 2103 is refused for an operator's session
        JsonNode direct = fetch(browser, "POST", "/api/2103", "{\"infno\":\"2103\",\"msgid\":\"X1\",\"input\":{\"data\":"
                + "{\"setl_id\":\"" + sale.setlId() + "\",\"psn_no\":\"" + sale.psnNo() + "\"}}}");
        assertEquals("SUPERVISOR_REQUIRED", direct.path("err_code").asText(), direct.toString());
        JsonNode noReason = fetch(browser, "POST", "/console/api/cancel", "{\"setl_id\":\"" + sale.setlId()
                + "\",\"psn_no\":\"" + sale.psnNo() + "\",\"supervisor_id\":\"9001\",\"supervisor_password\":\""
                + SUPERVISOR_PASSWORD + "\",\"reason\":\" \"}");
        assertEquals("CANCEL_REASON_REQUIRED", noReason.path("err_code").asText(), noReason.toString());

        browser.script("window.cancelled = undefined; fetch('/api/5203', {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/json'}, body: JSON.stringify({infno: '5203', msgid: 'Q2',"
                + " input: {data: {setl_id: arguments[0]}}})}).then(r => r.json())"
                + ".then(b => window.YibaoCancel.open(b.output.data[0])).then(r => { window.cancelled = r; });", sale.setlId());
        browser.waitFor("return document.getElementById('cancel-dialog') !== null", "the cancellation dialog");
        String cash = sale.psnCashPay().toYuanString();
        assertTrue(browser.text("#cancel-cash").contains(cash), "the dialog names the cash to hand back: " + cash);
        assertTrue(browser.text("#cancel-acct").contains("0.00"), browser.text("#cancel-acct"));
        screenshots(browser, "console-cancel-dialog");

        submitCancel(browser, "9001", "wrong-password", "顾客退货");
        browser.waitFor("return document.getElementById('cancel-error').textContent === '工号或密码错误'",
                "a wrong supervisor password is refused");
        submitCancel(browser, ConsoleLogin.CASHIER_ID, ConsoleLogin.CASHIER_PASSWORD, "顾客退货");
        browser.waitFor("return document.getElementById('cancel-error').textContent === '该工号不是主管，不能批准撤销'",
                "a cashier cannot approve");
        submitCancel(browser, "9001", SUPERVISOR_PASSWORD, "");
        browser.waitFor("return document.getElementById('cancel-error').textContent === '请填写撤销原因'", "a reason is needed");
        assertEquals(0, f.counter.searchJournal(new JournalQuery(null, null, null, null, null, null)).stream()
                .filter(e -> "REVERSAL".equals(e.state())).count(), "nothing cancelled by the refused attempts");
        submitCancel(browser, "9001", SUPERVISOR_PASSWORD, "顾客退货");
        browser.waitFor("return document.getElementById('cancel-slip') !== null", "the cancellation slip");
        String slip = browser.text("#cancel-slip");
        assertTrue(slip.contains("应退现金  " + cash + " 元") && slip.contains("批准主管  9001 赵主管")
                && slip.contains("撤销原因  顾客退货") && slip.contains("操作员    1001"), slip);
        screenshots(browser, "console-cancel-slip");
        browser.click("#cancel-done");
        browser.waitFor("return window.cancelled && window.cancelled.setlinfo !== undefined", "the dialog resolves");

        JournalEntry reversal = f.counter.searchJournal(new JournalQuery(null, null, null, null, null, null)).get(0);
        assertEquals("REVERSAL", reversal.state());
        assertEquals("1001", reversal.opter(), "the cancellation names the operator of the session");
        List<cn.yibao.hostlink.record.UploadedRecord> ups = new JournalUpload(f.journal).after(0, 10);
        RecordResult signed = RecordResult.parse(ups.get(ups.size() - 1).record().result());
        assertEquals(cn.yibao.hostlink.record.RecordKind.CANCEL, signed.kind());
        assertEquals("1001", signed.opter());
    }

    private static void submitCancel(WebDriver browser, String id, String password, String reason) {
        browser.script("for (const k of ['cancel-supervisor-id', 'cancel-supervisor-password', 'cancel-reason'])"
                + " document.getElementById(k).value = ''; document.getElementById('cancel-error').textContent = '';");
        browser.type("#cancel-supervisor-id", id);
        browser.type("#cancel-supervisor-password", password);
        if (!reason.isEmpty()) {
            browser.type("#cancel-reason", reason);
        }
        browser.click("#cancel-confirm");
    }

    private static void shift(WebDriver browser) throws Exception {
        browser.open(java.net.URI.create(browser.script("return location.origin").asText() + "/console/shift.html"));
        browser.waitFor("return document.getElementById('shift-setl-cnt') !== null", "the shift report");
        assertEquals("2 笔", browser.text("#shift-setl-cnt td:last-child"));
        assertEquals("1 笔", browser.text("#shift-cancel-cnt td:last-child"));
        JsonNode report = fetch(browser, "GET", "/console/api/shift", null).path("output");
        Money cashTaken = Money.parseYuan(report.path("psn_cash_pay").asText());
        Money refunded = Money.parseYuan(report.path("cash_refunded").asText());
        assertFalse(refunded.isZero(), report.toString());
        assertEquals(cashTaken.minus(refunded), Money.parseYuan(report.path("cash_expected").asText()), report.toString());
        assertEquals(Money.parseYuan(report.path("cash_expected").asText()).toYuanString(),
                browser.text("#shift-cash-expected td:last-child"));
        screenshots(browser, "console-shift");
        browser.click("#shift-close");
        browser.waitFor("return document.getElementById('shift-title').textContent.includes('已交班')", "closed");
        JsonNode next = fetch(browser, "GET", "/console/api/shift", null).path("output");
        assertEquals(0, next.path("setl_cnt").asInt(), "closing the shift starts the next one: " + next);
        JsonNode other = fetch(browser, "GET", "/console/api/shift?opter_id=9001", null);
        assertEquals("NOT_A_SUPERVISOR", other.path("err_code").asText(), "a cashier reads only their own shift");
    }

    /** @return the JSON answer of a same-origin call the page makes with its session cookie */
    private static JsonNode fetch(WebDriver browser, String method, String path, String body) throws Exception {
        browser.script("window.__ybAnswer = undefined; fetch(arguments[0], {method: arguments[1], credentials: 'same-origin',"
                + " headers: arguments[2] === null ? {} : {'Content-Type': 'application/json'},"
                + " body: arguments[2] === null ? undefined : arguments[2]}).then(r => r.text())"
                + ".then(t => { window.__ybAnswer = t; }, e => { window.__ybAnswer = JSON.stringify({error: String(e)}); });",
                path, method, body);
        browser.waitFor("return window.__ybAnswer !== undefined", method + " " + path);
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(browser.script("return window.__ybAnswer").asText());
    }

    private static void screenshots(WebDriver browser, String name) throws Exception {
        Path shots = Path.of("target/screenshots");
        Files.createDirectories(shots);
        for (int[] size : new int[][] {{1366, 768}, {1024, 768}}) {
            browser.windowSize(size[0], size[1]);
            Files.write(shots.resolve(name + "-" + size[0] + "x" + size[1] + ".png"), browser.screenshot());
        }
        browser.windowSize(1366, 1000);
    }
}
