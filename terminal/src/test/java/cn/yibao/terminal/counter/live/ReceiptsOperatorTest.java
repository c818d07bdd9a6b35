package cn.yibao.terminal.counter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.devices.ReceiptLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt names the pharmacy and the operator; the cash slip gives 实收 and 找零; the journal keeps the operator. */
class ReceiptsOperatorTest {

    @Test
    void theReceiptNamesThePharmacyAndTheOperator() {
        Settlement s = ReplyCodecTest.settlement().by(new Opter("1001", "王收银"), null);
        List<ReceiptLine> lines = Receipts.of(s, "长春市康民大药房", "220100000001").lines();
        assertEquals(new ReceiptLine.Text("长春市康民大药房"), lines.get(1));
        assertTrue(lines.contains(new ReceiptLine.Pair("操作员", "1001 王收银")), lines.toString());
        assertFalse(Receipts.of(ReplyCodecTest.settlement(), "药房", "220100000001").lines().stream()
                .anyMatch(l -> l.toString().contains("操作员")), "no operator line when none is recorded");
    }

    @Test
    void theCashSlipGivesPaidAndChange() {
        Settlement s = ReplyCodecTest.settlement().by(new Opter("1001", "王收银"), null);
        Tender t = Tender.of(Money.parseYuan("40.00"), Money.parseYuan("50.00"));
        List<ReceiptLine> lines = Receipts.cashSlip(s, t, "长春市康民大药房", "220100000001").lines();
        assertTrue(lines.containsAll(List.of(new ReceiptLine.Title("收款凭条"), new ReceiptLine.Text("长春市康民大药房"),
                new ReceiptLine.Pair("操作员", "1001 王收银"), new ReceiptLine.Pair("现金应收", "40.00"),
                new ReceiptLine.Pair("实收", "50.00"), new ReceiptLine.Pair("找零", "10.00"))), lines.toString());
    }

    @Test
    void theJournalKeepsTheOperatorAndTheMemo() {
        Settlement s = ReplyCodecTest.settlement().by(new Opter("1001", "王收银"), "撤销原因：录入错误");
        Settlement back = ReplyCodec.read(ReplyCodec.write(s));
        assertEquals(s, back);
        assertEquals("1001", back.opter());
        assertEquals("撤销原因：录入错误", back.memo());
    }
}
