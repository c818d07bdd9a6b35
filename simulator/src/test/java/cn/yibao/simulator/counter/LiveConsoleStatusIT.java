package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.counter.host.HostAddress;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese everywhere a cashier looks (issue 20, point 6) on the live counter with the host
 * simulator: the sync pill says 待上传 N 笔 · 最后上传 HH:mm; it turns red with 中心连接中断 when the host
 * goes down and with 终端服务未响应 when the terminal stops answering (and an action then says so in
 * Chinese, never "Failed to fetch"); a terminal restarted without the session asks to log in again, in
 * Chinese.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleStatusIT {

    private static final String SYNC = "document.getElementById('sync')";

    @TempDir
    Path dir;

    @Test
    void theStatusPillTurnsRedWhenTheHostOrTheTerminalIsDown() throws Exception {
        HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0);
        boolean hostClosed = false;
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            String first = till.browser.text("#sync");
            assertTrue(first.startsWith("中心连接中断 · 待上传 0 笔 · 尚未上传"), "no host yet: " + first);
            assertFalse(first.contains("#"), first);
            assertTrue(till.browser.text("#recon").startsWith("对账："), till.browser.text("#recon"));

            host.enrol(HostConfig.keyDir(dir.resolve("terminal")), HostedCounter.TERMINAL);
            HostLink link = till.runtime.connectHost(new HostAddress("localhost", host.port())).orElseThrow();
            assertTrue(link.awaitOnline(Duration.ofSeconds(30)), "signed in");
            till.browser.waitFor("return " + SYNC + ".className === 'pill' && " + SYNC
                    + ".textContent.startsWith('待上传 0 笔')", "the pill is not red with the host up");

            till.scan(LIANHUA, 1);
            till.readCard();
            till.preSettle();
            till.settleWithPin("123456");
            till.browser.waitFor("return /^待上传 0 笔 · 最后上传 \\d\\d:\\d\\d$/.test(" + SYNC + ".textContent)",
                    "uploaded, with the time of the last upload");

            host.close();
            hostClosed = true;
            till.browser.waitFor("return " + SYNC + ".classList.contains('warn') && " + SYNC
                    + ".textContent.startsWith('中心连接中断')", "red: the host is down");
            till.screenshot("status-host-down");

            till.stopServer();
            // the cashier scans: the call finds no terminal and says so in Chinese; the pill turns red
            till.keys(ConsoleTill.F9);
            till.keys(LIANHUA + WebDriver.ENTER);
            till.waitMessage("终端服务未响应");
            assertFalse(till.message().contains("fetch"), till.message());
            assertEquals("code", till.focused());
            try {
                till.browser.waitFor("return " + SYNC + ".classList.contains('warn') && " + SYNC
                        + ".textContent === '终端服务未响应'", "red: the terminal does not answer");
            } catch (AssertionError e) {
                throw new AssertionError("the status pill reads: " + till.browser.script("return " + SYNC
                        + ".textContent + ' (' + " + SYNC + ".className + ')'").asText(), e);
            }
            till.screenshot("status-terminal-down");

            // the terminal back, but without the session (a restart; where sessions outlive a restart,
            // the logout ends it): a Chinese prompt to log in again
            till.restartServer();
            till.browser.script("fetch('/console/logout', {method: 'POST', credentials: 'same-origin',"
                    + " headers: {'Content-Type': 'application/json'}, body: '{}'})");
            till.browser.waitFor("return !document.getElementById('login').hidden", "the login prompt");
            String prompt = till.browser.text("#login");
            assertTrue(prompt.contains("登录已过期，请重新登录"), prompt);
            assertFalse(prompt.matches("(?s).*[A-Za-z]{4,}.*"), "no English: " + prompt);
            till.login();
            till.browser.waitFor("return document.getElementById('login').hidden && " + SYNC
                    + ".textContent.startsWith('中心连接中断')", "logged in again");
        } finally {
            if (!hostClosed) {
                host.close();
            }
        }
    }
}
