package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static cn.yibao.simulator.counter.ConsoleTill.VITAMIN_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paying without the account (issue 20, point 4) on the live counter: each wrong PIN says how many
 * tries are left; once the card's PIN is locked, F7 (不使用个人账户) sends acct_used_flag "0" and the
 * sale is paid in cash, without the PIN, the card's balance untouched; the money summary is pinned
 * above the split and in the PIN box, with 实收 and 找零 on screen.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleCashOnlyIT {

    @TempDir
    Path dir;

    @Test
    void aCardWhosePinIsLockedStillPaysInCash() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            Money before = till.balance();
            till.scan("2*" + LIANHUA, 1);
            till.scan(VITAMIN_C, 2);
            till.readCard();
            till.preSettle();
            assertEquals("59.90", till.browser.text("#due-total"));
            assertEquals("59.90", till.browser.text("#due-acct"));
            assertEquals("0.00", till.browser.text("#due-cash"));

            till.keys(WebDriver.F8);
            till.browser.waitFor("return !document.getElementById('pin-dialog').hidden", "the PIN prompt");
            String summary = till.browser.text("#pin-summary");
            assertTrue(summary.contains("总额") && summary.contains("统筹") && summary.contains("个人账户")
                    && summary.contains("现金应收") && summary.contains("59.90"), summary);
            for (int left = 2; left >= 1; left--) {
                till.keys("000000" + WebDriver.ENTER);
                till.browser.waitFor("return document.getElementById('pin-error').textContent === '密码错误，剩余 "
                        + left + " 次'", "剩余 " + left + " 次");
                assertEquals("pin", till.focused());
            }
            till.keys("000000" + WebDriver.ENTER);
            till.waitMessage("密码已锁定");
            assertTrue(till.message().contains("F7"), till.message());
            assertEquals("code", till.focused());
            assertEquals(0, till.card().pinTries(), "the card's PIN is locked");
            assertEquals("预结算", till.state(), "nothing paid");

            // F7: cash only, pre-settled again at once
            till.keys(ConsoleTill.F7);
            till.browser.waitFor("return !document.getElementById('acct-flag').hidden && Sale.get().state === '预结算'"
                    + " && Number(Sale.get().pre.setlinfo.acct_pay) === 0", "pre-settled again without the account");
            assertEquals("0.00", till.split("acct_pay"));
            String cash = till.split("psn_cash_pay");
            assertEquals(cash, till.browser.text("#due-cash"));
            assertTrue(Money.parseYuan(cash).compareTo(Money.ZERO) > 0, cash);
            assertEquals("code", till.focused());

            till.keys(WebDriver.F8);
            till.browser.waitFor("return Sale.get().state === '已收费'", "settled without a PIN");
            assertTrue(till.browser.script("return document.getElementById('pin-dialog').hidden").asBoolean(), "no PIN asked");
            assertEquals("tendered", till.focused(), "the cash to collect");
            till.keys("100" + WebDriver.ENTER);
            String change = Money.parseYuan("100").minus(Money.parseYuan(cash)).toYuanString();
            till.browser.waitFor("return document.getElementById('change').textContent === '" + change + "'", "the change");
            assertEquals("已完成", till.state());
            String receipt = till.browser.text("#receipt");
            assertTrue(receipt.contains("实收：100.00") && receipt.contains("找零：" + change), receipt);
            assertEquals("code", till.focused());

            assertEquals(before, till.balance(), "the account is untouched");
            assertEquals(0, till.card().log().size(), "the card is not written");
            List<JournalTxn> sales = till.journal().stream().filter(t -> t.kind() == TxnKind.SALE).toList();
            assertEquals(1, sales.size());
            assertEquals(Money.ZERO, sales.get(0).accountPay());
            assertFalse(till.browser.script("return document.getElementById('tender-form').hidden").asBoolean(),
                    "实收 and 找零 stay on screen");
        }
    }
}
