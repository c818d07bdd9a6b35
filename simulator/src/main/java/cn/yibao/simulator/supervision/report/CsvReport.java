package cn.yibao.simulator.supervision.report;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CardSighting;
import cn.yibao.simulator.supervision.Finding;
import cn.yibao.simulator.supervision.IndicatorResult;
import cn.yibao.simulator.supervision.PharmacyScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report of one pharmacy as one CSV table (UTF-8 with BOM, RFC 4180, one header row):
 * a row per summary figure, indicator, day, finding, refused listed card and score line.
 */
public final class CsvReport {

    /** The header row. */
    public static final List<String> HEADER = List.of("机构编码", "机构名称", "月份", "类别", "代码", "项目", "数值", "限值",
            "结论", "说明");

    private CsvReport() {
    }

    /** @return the whole file's text, BOM first */
    public static String render(PharmacyMonthReport r) {
        StringBuilder sb = new StringBuilder(Csv.BOM).append(Csv.row(HEADER));
        for (List<String> row : rows(r)) {
            List<String> full = new ArrayList<>(List.of(r.pharmacy().code(), r.pharmacy().nameZh(), r.month().toString()));
            full.addAll(row);
            sb.append(Csv.row(full));
        }
        return sb.toString();
    }

    private static List<List<String>> rows(PharmacyMonthReport r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("汇总", "TX_COUNT", "医保结算笔数", Integer.toString(r.txCount()), "", "", ""));
        rows.add(List.of("汇总", "TOTAL", "医疗费总额（元）", r.total().toYuanString(), "", "", ""));
        rows.add(List.of("汇总", "ACCOUNT", "个人账户支付（元）", r.account().toYuanString(), "", "", ""));
        rows.add(List.of("汇总", "CASH", "现金支付（元）", r.cash().toYuanString(), "", "", ""));
        for (IndicatorResult i : r.indicators()) {
            rows.add(List.of("指标", i.code().name(), i.code().nameZh(), i.valueText(), i.limitText(),
                    i.breached() ? "超标" : "达标", "基于 " + i.basis() + " 笔结算"));
        }
        for (int d = 0; d < r.daily().size(); d++) {
            Money m = r.daily().get(d);
            rows.add(List.of("每日", r.month().atDay(d + 1).toString(), "当日医保结算金额（元）", m.toYuanString(), "", "", ""));
        }
        for (Finding f : r.findings()) {
            rows.add(List.of("发现", f.code().code(), f.code().messageZh(), Integer.toString(f.txIds().size()), "", "待核查",
                    f.evidenceZh() + "；涉及结算：" + String.join(" ", f.txIds())));
        }
        for (CardSighting c : r.sightings()) {
            rows.add(List.of("拦截", "LISTED_CARD_PRESENTED", HtmlReport.sightingZh(c), c.seenAt().toString(), "",
                    c.afterListing() ? "挂失后使用" : "待核查", "卡号 " + c.card().masked() + "（"
                    + (c.source().equals("CARD") ? "卡内状态" : "中心名单") + "）" + (c.listedAt() == null ? ""
                    : "；中心登记时间 " + c.listedAt())));
        }
        PharmacyScore s = r.score();
        rows.add(List.of("评分", "DEDUCTED", "年度累计扣分", Integer.toString(s.deducted()),
                Integer.toString(s.penaltyAbove()), s.penalised() ? "暂停医保服务" : "正常",
                "满分 " + s.yearlyPoints() + " 分，剩余 " + s.remaining() + " 分"));
        return rows;
    }
}
