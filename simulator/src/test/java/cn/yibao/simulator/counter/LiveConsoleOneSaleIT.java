package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.ConsoleTill.LIANHUA;
import static cn.yibao.simulator.counter.ConsoleTill.PARACETAMOL;
import static cn.yibao.simulator.counter.ConsoleTill.VITAMIN_C;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.testing.WebDriver;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One sale at a time (issue 20, point 1) on the live counter: a paid basket is locked and can never
 * be settled again; the next scan starts a new sale with only the new line; F9 clears the 处方号;
 * a reload restores the open basket; one sale can be held and recalled.
 */
@ExtendWith(PcscdExtension.class)
class LiveConsoleOneSaleIT {

    @TempDir
    Path dir;

    @Test
    void aPaidBasketIsNeverSettledAgainAndTheNextScanStartsANewSale() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            Money before = till.balance();
            till.scan("2*" + LIANHUA, 1);
            till.scan(VITAMIN_C, 2);
            till.readCard();
            till.preSettle();
            assertEquals("预结算", till.state());
            String first = till.settleWithPin("123456");
            assertTrue(first.contains("医疗费总额：59.90"), first);
            assertEquals("已完成", till.state(), "all paid from the account: nothing left to collect");
            assertEquals(before.minus(Money.parseYuan("59.90")), till.balance());

            // F5 and F8 on the paid basket: refused, nothing settled again, the basket stays locked
            till.browser.type("#code", WebDriver.F5);
            till.waitMessage("本单已收费");
            till.browser.type("#code", WebDriver.F8);
            till.waitMessage("本单已收费");
            assertTrue(till.browser.script("return document.getElementById('qty').disabled"
                    + " && document.getElementById('rxno').disabled && document.getElementById('read-card').disabled"
                    + " && document.querySelector('#lines tbody button').disabled").asBoolean(), "the paid sale is locked");
            assertEquals(1, till.card().log().size(), "still one debit");
            assertEquals("code", till.focused());

            // the next scan: a new sale with only the new line; it is paid on its own
            till.scan(PARACETAMOL, 1);
            assertEquals("录入", till.state());
            assertEquals("6.00", till.browser.text("#lines-total"));
            assertTrue(till.browser.script("return document.getElementById('person').hidden").asBoolean(),
                    "the previous customer's card is gone");
            till.browser.type("#code", WebDriver.F5);
            till.waitMessage("请先读卡");
            till.readCard();
            till.preSettle();
            assertEquals("6.00", till.split("medfee_sumamt"), "only the new line");
            String second = till.settleWithPin("123456");
            assertTrue(second.contains("医疗费总额：6.00"), second);

            assertEquals(before.minus(Money.parseYuan("65.90")), till.balance(), "59.90 and 6.00, each debited once");
            assertEquals(2, till.card().log().size());
            assertEquals(2, till.journal().stream().filter(t -> t.kind() == TxnKind.SALE).count(), "two sales journaled");
            assertEquals(Money.parseYuan("65.90"), till.journal().stream().filter(t -> t.kind() == TxnKind.SALE)
                    .map(t -> t.accountPay()).reduce(Money.ZERO, Money::plus));
        }
    }

    @Test
    void f9StartsANewSaleAndClearsThePrescriptionNumber() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            till.scan(LIANHUA, 1);
            till.browser.type("#rxno", "RX-20261206-1");
            till.browser.type("#rxno", ConsoleTill.F9);
            till.waitLines(0);
            assertEquals("", till.browser.script("return document.getElementById('rxno').value").asText(),
                    "the 处方号 does not land on the next customer's drug");
            assertEquals("code", till.focused());
        }
    }

    @Test
    void aReloadRestoresTheOpenBasketAndOneSaleCanBeHeldAndRecalled() throws Exception {
        try (ConsoleTill till = ConsoleTill.open(PcscdExtension.pcscd(), dir)) {
            till.scan("3*" + LIANHUA, 1);
            till.scan(VITAMIN_C, 2);
            till.reload();
            till.waitLines(2);
            assertEquals("84.90", till.browser.text("#lines-total"), "3 × 25.00 + 9.90 back after the reload");
            till.waitMessage("已恢复未完成的交易");

            till.keys(ConsoleTill.ALT + "g" + ConsoleTill.RELEASE);
            till.waitLines(0);
            till.waitMessage("已挂单");
            assertFalse(till.browser.script("return document.getElementById('held-flag').hidden").asBoolean());
            till.scan(PARACETAMOL, 1);
            till.keys(ConsoleTill.ALT + "q" + ConsoleTill.RELEASE);
            till.waitMessage("请先完成或挂起当前交易");
            assertEquals(1, till.lines(), "a recall never mixes two customers' baskets");
            till.keys(ConsoleTill.F9);
            till.waitLines(0);
            till.keys(ConsoleTill.ALT + "q" + ConsoleTill.RELEASE);
            till.waitLines(2);
            assertEquals("84.90", till.browser.text("#lines-total"));
            assertEquals("code", till.focused());
        }
    }
}
