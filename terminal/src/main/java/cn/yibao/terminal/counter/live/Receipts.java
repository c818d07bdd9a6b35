package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.LineSplit;
import cn.yibao.terminal.counter.SetlDetail;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.devices.Receipt;
import cn.yibao.terminal.devices.ReceiptLine;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The customer's receipt for a settlement, in Chinese: items, the split by fund, account and cash. */
public final class Receipts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Receipts() {
    }

    /** @return the receipt of {@code s} printed by institution {@code institutionName} */
    public static Receipt of(Settlement s, String institutionName, String terminalId) {
        SetlInfo i = s.setlinfo();
        List<ReceiptLine> lines = new ArrayList<>();
        lines.add(new ReceiptLine.Title("医疗保险结算单"));
        lines.add(new ReceiptLine.Text(institutionName));
        lines.add(new ReceiptLine.Pair("结算号", i.setlId() == null ? "（预结算）" : i.setlId()));
        lines.add(new ReceiptLine.Pair("终端", terminalId));
        lines.add(new ReceiptLine.Pair("时间", TIME.format(i.setlTime())));
        lines.add(new ReceiptLine.Pair("参保人", i.psnName()));
        lines.add(new ReceiptLine.Rule());
        for (LineSplit l : s.detlcutinfo()) {
            lines.add(new ReceiptLine.Text(l.hilistName() + "（" + l.chrgitmLv().nameZh() + "）"));
            lines.add(new ReceiptLine.Pair("  " + l.cnt().stripTrailingZeros().toPlainString() + " × " + l.pric(),
                    l.detItemFeeSumamt().toYuanString()));
        }
        lines.add(new ReceiptLine.Rule());
        lines.add(new ReceiptLine.Pair("医疗费总额", i.medfeeSumamt().toYuanString()));
        pairIfNotZero(lines, "全自费", i.fulamtOwnpayAmt());
        pairIfNotZero(lines, "先行自付", i.preselfpayAmt());
        pairIfNotZero(lines, "起付线", i.actPayDedc());
        for (SetlDetail d : s.setldetail()) {
            if (!"310200".equals(d.fundPayType())) {
                lines.add(new ReceiptLine.Pair(d.fundPayTypeName(), d.fundPayamt().toYuanString()));
            }
        }
        lines.add(new ReceiptLine.Pair("基金支付合计", i.fundPaySumamt().toYuanString()));
        lines.add(new ReceiptLine.Pair("个人账户支付", i.acctPay().toYuanString()));
        lines.add(new ReceiptLine.Pair("现金支付", i.psnCashPay().toYuanString()));
        lines.add(new ReceiptLine.Pair("账户余额", i.balc().toYuanString()));
        lines.add(new ReceiptLine.Rule());
        lines.add(new ReceiptLine.Text("请妥善保管本结算单。"));
        return new Receipt(lines);
    }

    private static void pairIfNotZero(List<ReceiptLine> lines, String label, Money amount) {
        if (!amount.isZero()) {
            lines.add(new ReceiptLine.Pair(label, amount.toYuanString()));
        }
    }
}
