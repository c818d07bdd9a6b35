package cn.yibao.simulator.counter;

import cn.yibao.card.Money;
import cn.yibao.simulator.card.CardSnapshot;
import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.testing.ConsoleLogin;
import cn.yibao.terminal.testing.WebDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The cashier console on the live counter for the till's browser tests: a virtual card (persona
 * {@code employee}, PIN 123456) in pcscd + vpcd, the counter's runtime with its journal, the HTTP
 * server and a headless Chromium logged in to the console. Keys and waits in the cashier's terms.
 */
final class ConsoleTill implements AutoCloseable {

    static final String TOKEN = "live-console-token-0123456789abcdefghijklmn";
    static final String F2 = "\uE032";
    static final String F7 = "\uE037";
    static final String F9 = "\uE039";
    static final String ESCAPE = "\uE00C";
    static final String ALT = "\uE00A";
    static final String RELEASE = "\uE000";
    /** 连花清瘟胶囊, class B, 25.00. */
    static final String LIANHUA = "6901234500048";
    /** 维生素C片, class C, 9.90. */
    static final String VITAMIN_C = "6901234500062";
    /** 奥美拉唑肠溶胶囊, class A, 18.50, prescription only. */
    static final String OMEPRAZOLE = "6901234500017";
    /** 对乙酰氨基酚片, class A, 6.00. */
    static final String PARACETAMOL = "6901234500031";

    final PcscCounter rig;
    final CounterRuntime runtime;
    final WebDriver browser;
    private ApiServer server;
    private boolean serverStopped;

    private ConsoleTill(PcscCounter rig, CounterRuntime runtime, ApiServer server, WebDriver browser) {
        this.rig = rig;
        this.runtime = runtime;
        this.server = server;
        this.browser = browser;
    }

    /** Opens the whole till in {@code dir} and the console logged in, ready for the first scan. */
    static ConsoleTill open(PrivatePcscd pcscd, Path dir) throws Exception {
        PcscCardAccess cards = PcscCounter.cardAccess(pcscd);
        PcscCounter rig = new PcscCounter(pcscd, "employee", dir.resolve("sim"));
        CounterRuntime runtime = null;
        ApiServer server = null;
        try {
            runtime = CounterRuntime.open(dir.resolve("terminal"), cards, "220100000001", Clock.systemDefaultZone());
            server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), runtime.counter()));
            WebDriver browser = WebDriver.startChromium(dir.resolve("chromium"));
            ConsoleTill till = new ConsoleTill(rig, runtime, server, browser);
            till.login();
            return till;
        } catch (Exception | Error e) {
            if (server != null) {
                server.close();
            }
            if (runtime != null) {
                runtime.close();
            }
            rig.close();
            throw e;
        }
    }

    void login() {
        ConsoleLogin.asCashier(browser, server);
        browser.waitFor("return document.getElementById('sync').textContent.includes('待上传')", "the console is up");
    }

    /** Reloads the page (as F5 of the browser would), waiting for the console to be up again. */
    void reload() {
        browser.script("window.location.reload()");
        browser.waitFor("return document.readyState === 'complete' && document.getElementById('sync') !== null"
                + " && document.getElementById('sync').textContent.includes('待上传')", "the console is up again");
    }

    ApiServer server() {
        return server;
    }

    /** Types {@code keys} wherever the focus is (the cashier does not click before typing). */
    void keys(String keys) {
        browser.script("if (!document.activeElement || document.activeElement === document.body) "
                + "throw new Error('no element has the focus')");
        String id = browser.script("return document.activeElement.id").asText();
        browser.type("#" + id, keys);
    }

    /** Scans {@code code} into the code field and waits for the basket to have {@code lines} lines. */
    void scan(String code, int lines) {
        browser.type("#code", code + WebDriver.ENTER);
        waitLines(lines);
    }

    void waitLines(int lines) {
        browser.waitFor("return document.querySelectorAll('#lines tbody tr').length === " + lines, lines + " lines");
    }

    int lines() {
        return browser.script("return document.querySelectorAll('#lines tbody tr').length").asInt();
    }

    void readCard() {
        browser.script("document.getElementById('psn-name').textContent = ''");
        browser.type("#code", WebDriver.F4);
        browser.waitFor("return document.getElementById('psn-name').textContent === '张伟'", "the card is read");
    }

    void preSettle() {
        browser.script("document.getElementById('split-table').hidden = true");
        browser.type("#code", WebDriver.F5);
        browser.waitFor("return !document.getElementById('split-table').hidden", "the split is shown");
    }

    /** F8 and the PIN: waits for the receipt of a new settlement. */
    String settleWithPin(String pin) {
        String before = paidSetlId();
        browser.type("#code", WebDriver.F8);
        browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
        browser.type("#pin", pin + WebDriver.ENTER);
        browser.waitFor("return Sale.get().paid !== null && Sale.get().paid.setlinfo.setl_id !== '" + before + "'",
                "a new settlement");
        return browser.text("#receipt");
    }

    /** @return the settlement id of the sale on screen, or "" */
    String paidSetlId() {
        return browser.script("return Sale.get().paid ? Sale.get().paid.setlinfo.setl_id : ''").asText();
    }

    String split(String field) {
        return browser.text("#split-table tr[data-field='" + field + "'] td:last-child");
    }

    String message() {
        return browser.script("return document.getElementById('message').textContent").asText();
    }

    void waitMessage(String part) {
        browser.waitFor("return document.getElementById('message').textContent.includes('" + part + "')",
                "the message " + part);
    }

    String focused() {
        return browser.script("return document.activeElement ? document.activeElement.id : ''").asText();
    }

    String state() {
        return browser.script("return Sale.get().state").asText();
    }

    CardSnapshot card() {
        return rig.card().snapshot();
    }

    Money balance() {
        return card().balance();
    }

    List<JournalTxn> journal() {
        return runtime.journal().queries().recent(50);
    }

    /** Saves a PNG of the viewport as {@code simulator/target/console-screenshots/name.png}. */
    Path screenshot(String name) throws IOException {
        Path shot = Path.of("target/console-screenshots", name + ".png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, browser.screenshot());
        return shot;
    }

    /** Stops the terminal's HTTP server (the page stays open in the browser). */
    void stopServer() {
        serverStopped = true;
        server.close();
    }

    /** Starts the terminal's HTTP server again on the same port: a new process, no session known. */
    void restartServer() throws InterruptedException {
        int port = server.baseUri().getPort();
        server = ApiServer.start(ApiServer.Settings.of(port, AccessToken.of(TOKEN), runtime.counter()));
        serverStopped = false;
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            try {
                if (!serverStopped) {
                    server.close();
                }
            } finally {
                try {
                    runtime.close();
                } finally {
                    rig.close();
                }
            }
        }
    }
}
