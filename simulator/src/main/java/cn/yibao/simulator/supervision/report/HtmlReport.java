package cn.yibao.simulator.supervision.report;

import cn.yibao.card.Money;
import cn.yibao.simulator.supervision.CardSighting;
import cn.yibao.simulator.supervision.Finding;
import cn.yibao.simulator.supervision.IndicatorResult;
import cn.yibao.simulator.supervision.PharmacyScore;
import java.util.ArrayList;
import java.util.List;

/**
 * The monthly report of one pharmacy as a self-contained HTML page: inline CSS, inline SVG charts,
 * no script, no external font or image.
 */
public final class HtmlReport {

    private static final String CSS = "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Microsoft YaHei',sans-serif;"
            + "margin:24px;color:#222;max-width:1100px}h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;"
            + "border-bottom:2px solid #3b7dd8;padding-bottom:4px;margin-top:28px}.sub{color:#666}"
            + ".cards{display:flex;gap:12px;flex-wrap:wrap}.card{border:1px solid #ccc;border-radius:6px;"
            + "padding:10px 16px;min-width:150px}.card b{display:block;font-size:20px}"
            + "table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:5px 8px;text-align:left;"
            + "font-size:14px}th{background:#f0f4fa}.bad{color:#c62828;font-weight:bold}.ok{color:#2e7d32}"
            + "svg .t{font-size:15px;font-weight:bold}svg .a{font-size:11px;fill:#555}"
            + "svg text{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif}";

    private HtmlReport() {
    }

    /** @return the page */
    public static String render(PharmacyMonthReport r) {
        String title = r.pharmacy().nameZh() + " " + r.month() + " 医保基金监管月报";
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(Html.esc(title)).append("</title><style>").append(CSS).append("</style></head><body>");
        sb.append("<h1>").append(Html.esc(title)).append("</h1><div class=\"sub\">机构编码 ")
                .append(Html.esc(r.pharmacy().code())).append(" · 统计月份 ").append(r.month()).append("</div>");
        summary(sb, r);
        sb.append("<h2>监管指标</h2>");
        indicators(sb, r.indicators());
        sb.append("<h2>每日医保结算金额</h2>").append(dailyChart(r));
        sb.append("<h2>刷卡时段分布</h2>").append(hourlyChart(r));
        sb.append("<h2>疑点发现</h2>");
        findings(sb, r.findings());
        sb.append("<h2>挂失、黑名单卡刷卡拦截</h2>");
        sightings(sb, r.sightings());
        sb.append("<h2>年度记分（十二分制）</h2>");
        score(sb, r.score());
        return sb.append("</body></html>\n").toString();
    }

    private static void summary(StringBuilder sb, PharmacyMonthReport r) {
        sb.append("<div class=\"cards\">");
        card(sb, "医保结算笔数", Integer.toString(r.txCount()));
        card(sb, "医疗费总额（元）", r.total().toYuanString());
        card(sb, "个人账户支付（元）", r.account().toYuanString());
        card(sb, "现金支付（元）", r.cash().toYuanString());
        card(sb, "疑点发现", Integer.toString(r.findings().size()));
        card(sb, "挂失/黑名单卡拦截", Integer.toString(r.sightings().size()));
        sb.append("</div>");
    }

    private static void card(StringBuilder sb, String label, String value) {
        sb.append("<div class=\"card\">").append(Html.esc(label)).append("<b>").append(Html.esc(value)).append("</b></div>");
    }

    private static void indicators(StringBuilder sb, List<IndicatorResult> list) {
        sb.append("<table><tr><th>指标</th><th>本月数值</th><th>限值</th><th>结论</th><th>结算笔数</th></tr>");
        for (IndicatorResult i : list) {
            sb.append("<tr><td>").append(Html.esc(i.code().nameZh())).append("</td><td>").append(i.valueText())
                    .append("</td><td>≤ ").append(i.limitText()).append("</td><td class=\"")
                    .append(i.breached() ? "bad\">超标" : "ok\">达标").append("</td><td>").append(i.basis())
                    .append("</td></tr>");
        }
        sb.append("</table>");
    }

    private static String dailyChart(PharmacyMonthReport r) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[r.daily().size()];
        for (int d = 0; d < values.length; d++) {
            labels.add((d + 1) + "日");
            Money m = r.daily().get(d);
            values[d] = m.toYuan().doubleValue();
        }
        return SvgCharts.bars(r.month() + " 每日医保结算金额", labels, values, null, "元");
    }

    private static String hourlyChart(PharmacyMonthReport r) {
        List<String> labels = new ArrayList<>();
        double[] values = new double[24];
        for (int h = 0; h < 24; h++) {
            labels.add(h + "时");
            values[h] = r.hourly().get(h);
        }
        return SvgCharts.line("各时段刷卡笔数（夜间与清晨刷卡需关注）", labels, values, "笔");
    }

    private static void findings(StringBuilder sb, List<Finding> list) {
        if (list.isEmpty()) {
            sb.append("<p class=\"ok\">本月未发现疑点。</p>");
            return;
        }
        sb.append("<table><tr><th>代码</th><th>类型</th><th>依据</th><th>涉及结算</th></tr>");
        for (Finding f : list) {
            sb.append("<tr><td>").append(Html.esc(f.code().code())).append("</td><td>")
                    .append(Html.esc(f.code().messageZh())).append("</td><td>").append(Html.esc(f.evidenceZh()))
                    .append("</td><td>").append(f.txIds().size()).append(" 笔</td></tr>");
        }
        sb.append("</table>");
    }

    private static void sightings(StringBuilder sb, List<CardSighting> list) {
        if (list.isEmpty()) {
            sb.append("<p class=\"ok\">本月无挂失、黑名单卡在本机构刷卡。</p>");
            return;
        }
        sb.append("<p>以下卡片在本机构刷卡时被终端拦截并即时上报（未结算）；挂失后仍有人持卡刷卡，需核查持卡人身份（盗刷、冒名）。</p>")
                .append("<table><tr><th>刷卡时间</th><th>卡号</th><th>状态</th><th>依据</th><th>中心登记时间</th></tr>");
        for (CardSighting c : list) {
            sb.append("<tr><td>").append(c.seenAt().toString().replace('T', ' ')).append("</td><td>")
                    .append(Html.esc(c.card().masked())).append("</td><td class=\"bad\">").append(sightingZh(c))
                    .append("</td><td>").append(c.source().equals("CARD") ? "卡内状态" : "中心名单").append("</td><td>")
                    .append(c.listedAt() == null ? "—" : c.listedAt().toString().replace('T', ' ')).append("</td></tr>");
        }
        sb.append("</table>");
    }

    /** @return 挂失卡 or 黑名单卡 */
    static String sightingZh(CardSighting c) {
        return c.status().equals("LOST") ? "挂失卡" : "黑名单卡";
    }

    private static void score(StringBuilder sb, PharmacyScore s) {
        double[] values = {s.deducted(), s.remaining()};
        sb.append(SvgCharts.bars("年度扣分与剩余分（扣分超过 " + s.penaltyAbove() + " 分暂停医保服务）",
                List.of("已扣分", "剩余分"), values, new boolean[] {s.penalised(), false}, "分"));
        sb.append("<p>满分 ").append(s.yearlyPoints()).append(" 分，年度累计扣 ").append(s.deducted()).append(" 分，剩余 ")
                .append(s.remaining()).append(" 分。结论：<span class=\"").append(s.penalised() ? "bad\">超过 "
                + s.penaltyAbove() + " 分，暂停医保服务" : "ok\">正常").append("</span></p>");
    }
}
