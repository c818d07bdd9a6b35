package cn.yibao.terminal.testing;

import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.operator.Role;

/**
 * Logs a browser into the console as an operator, as a cashier does: on the login page the
 * operator types id and password. The operator is added to the server's operators first when missing.
 */
public final class ConsoleLogin {

    /** The cashier the console ITs sell as. */
    public static final String CASHIER_ID = "1001";
    public static final String CASHIER_NAME = "王收银";
    public static final String CASHIER_PASSWORD = "cashier-pw-1001";

    private ConsoleLogin() {
    }

    /**
     * Logs in as the test cashier ({@link #CASHIER_ID}) on the login page (the printed link leads
     * there; {@code ConsoleOperatorsIT} follows one).
     */
    public static void asCashier(WebDriver browser, ApiServer server) {
        if (server.operators().find(CASHIER_ID).isEmpty()) {
            server.operators().add(CASHIER_ID, CASHIER_NAME, Role.CASHIER, CASHIER_PASSWORD.toCharArray());
        }
        browser.open(server.baseUri().resolve("/console/login"));
        as(browser, CASHIER_ID, CASHIER_PASSWORD);
        browser.waitFor("return document.getElementById('code') !== null", "the console is up");
    }

    /** On the login page: types {@code id} and {@code password} and submits. */
    public static void as(WebDriver browser, String id, String password) {
        browser.waitFor("return document.getElementById('opter-id') !== null", "the login page");
        browser.script("document.getElementById('opter-id').value = ''; document.getElementById('opter-password').value = '';"
                + " document.getElementById('login-error').textContent = '';");
        browser.type("#opter-id", id);
        browser.type("#opter-password", password + WebDriver.ENTER);
    }
}
