package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.LineSplit;
import cn.yibao.terminal.counter.SetlDetail;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.devices.Receipt;
import cn.yibao.terminal.devices.ReceiptLine;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The customer's receipt for a settlement, in Chinese: items, the split by fund, account and cash.
 * Its title says what it is: a pharmacy or outpatient settlement (结算单), a discharge statement
 * (出院结算单, med_type 2x) or a cancellation voucher (撤销凭证, the amounts negated and the
 * refund to the account).
 */
public final class Receipts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Most fee lines printed one by one (a discharge statement may have thousands). */
    static final int MAX_ITEMS = 300;

    private Receipts() {
    }

    /** @return the receipt of {@code s} printed by institution {@code institutionName} */
    public static Receipt of(Settlement s, String institutionName, String terminalId) {
        SetlInfo i = s.setlinfo();
        List<ReceiptLine> lines = new ArrayList<>();
        boolean cancellation = i.medfeeSumamt().isNegative();
        lines.add(new ReceiptLine.Title(title(i.medType(), cancellation)));
        lines.add(new ReceiptLine.Text(institutionName));
        lines.add(new ReceiptLine.Pair(cancellation ? "原结算号" : "结算号", i.setlId() == null ? "（预结算）" : i.setlId()));
        if (i.mdtrtId() != null && !i.mdtrtId().equals(i.setlId())) {
            lines.add(new ReceiptLine.Pair(i.medType().startsWith("2") ? "住院号" : "就诊号", i.mdtrtId()));
        }
        lines.add(new ReceiptLine.Pair("终端", terminalId));
        lines.add(new ReceiptLine.Pair("时间", TIME.format(i.setlTime())));
        lines.add(new ReceiptLine.Pair("参保人", i.psnName()));
        if (s.opter() != null) {
            lines.add(new ReceiptLine.Pair("操作员", s.opter() + " " + s.opterName()));
        }
        lines.add(new ReceiptLine.Rule());
        List<LineSplit> items = s.detlcutinfo();
        for (LineSplit l : items.subList(0, Math.min(items.size(), MAX_ITEMS))) {
            lines.add(new ReceiptLine.Text(l.hilistName() + "（" + l.chrgitmLv().nameZh() + "）"));
            lines.add(new ReceiptLine.Pair("  " + l.cnt().stripTrailingZeros().toPlainString() + " × " + l.pric(),
                    l.detItemFeeSumamt().toYuanString()));
        }
        if (items.size() > MAX_ITEMS) {
            lines.add(new ReceiptLine.Text("……另有 " + (items.size() - MAX_ITEMS) + " 项，详见费用清单"));
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
        if (cancellation) {
            lines.add(new ReceiptLine.Pair("退回个人账户", Money.ZERO.minus(i.acctPay()).toYuanString()));
            lines.add(new ReceiptLine.Pair("退还现金", Money.ZERO.minus(i.psnCashPay()).toYuanString()));
            if (s.memo() != null) {
                lines.add(new ReceiptLine.Text(s.memo()));
            }
        }
        lines.add(new ReceiptLine.Rule());
        lines.add(new ReceiptLine.Text(cancellation ? "该笔结算已撤销，请妥善保管本凭证。" : "请妥善保管本结算单。"));
        return new Receipt(lines);
    }

    /**
     * @return the cash slip (收款凭条) for the cash handed over against {@code s}'s cash share: the
     *     pharmacy, the settlement, the operator, 现金应收, 实收 and 找零
     */
    public static Receipt cashSlip(Settlement s, Tender t, String institutionName, String terminalId) {
        List<ReceiptLine> lines = new ArrayList<>();
        lines.add(new ReceiptLine.Title("收款凭条"));
        lines.add(new ReceiptLine.Text(institutionName));
        lines.add(new ReceiptLine.Pair("结算号", s.setlinfo().setlId()));
        lines.add(new ReceiptLine.Pair("终端", terminalId));
        if (s.opter() != null) {
            lines.add(new ReceiptLine.Pair("操作员", s.opter() + " " + s.opterName()));
        }
        lines.add(new ReceiptLine.Rule());
        lines.add(new ReceiptLine.Pair("现金应收", t.due().toYuanString()));
        lines.add(new ReceiptLine.Pair("实收", t.paid().toYuanString()));
        lines.add(new ReceiptLine.Pair("找零", t.change().toYuanString()));
        lines.add(new ReceiptLine.Rule());
        lines.add(new ReceiptLine.Text("谢谢惠顾"));
        return new Receipt(lines);
    }

    /** @return the receipt's title for a settlement of {@code medType}, or its cancellation */
    static String title(String medType, boolean cancellation) {
        if (cancellation) {
            return "医疗保险结算撤销凭证";
        }
        if (medType.startsWith("2")) {
            return "医疗保险出院结算单";
        }
        return PharmacyFlow.MED_TYPE_PHARMACY.equals(medType) ? "医疗保险结算单" : "医疗保险门诊结算单";
    }

    private static void pairIfNotZero(List<ReceiptLine> lines, String label, Money amount) {
        if (!amount.isZero()) {
            lines.add(new ReceiptLine.Pair(label, amount.toYuanString()));
        }
    }
}
