package cn.yibao.simulator.supervision.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the monthly reports to a directory: {@code <code>.html} and {@code <code>.csv} per pharmacy, and an index. */
public final class ReportWriter {

    private static final java.util.regex.Pattern SAFE_NAME = java.util.regex.Pattern.compile("[0-9A-Za-z_-]{1,50}");

    private ReportWriter() {
    }

    /** @return the files written, the index first */
    public static List<Path> write(List<PharmacyMonthReport> reports, Path dir) throws IOException {
        Files.createDirectories(dir);
        java.util.ArrayList<Path> written = new java.util.ArrayList<>();
        written.add(Files.writeString(dir.resolve("index.html"), index(reports), StandardCharsets.UTF_8));
        for (PharmacyMonthReport r : reports) {
            String code = r.pharmacy().code();
            if (!SAFE_NAME.matcher(code).matches()) {
                throw new IllegalArgumentException("institution code not usable as a file name: " + code);
            }
            written.add(Files.writeString(dir.resolve(code + ".html"), HtmlReport.render(r), StandardCharsets.UTF_8));
            written.add(Files.writeString(dir.resolve(code + ".csv"), CsvReport.render(r), StandardCharsets.UTF_8));
        }
        return List.copyOf(written);
    }

    private static String index(List<PharmacyMonthReport> reports) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<title>定点药店医保基金监管月报</title><style>body{font-family:sans-serif;margin:24px}"
                + "td,th{border:1px solid #ccc;padding:4px 8px}table{border-collapse:collapse}.bad{color:#c62828}"
                + "</style></head><body><h1>定点药店医保基金监管月报</h1><table><tr><th>机构编码</th><th>名称</th>"
                + "<th>结算笔数</th><th>疑点</th><th>年度扣分</th><th>结论</th><th>CSV</th></tr>");
        for (PharmacyMonthReport r : reports) {
            String code = Html.esc(r.pharmacy().code());
            sb.append("<tr><td><a href=\"").append(code).append(".html\">").append(code).append("</a></td><td>")
                    .append(Html.esc(r.pharmacy().nameZh())).append("</td><td>").append(r.txCount()).append("</td><td>")
                    .append(r.findings().size()).append("</td><td>").append(r.score().deducted()).append("</td><td")
                    .append(r.score().penalised() ? " class=\"bad\">暂停医保服务" : ">正常").append("</td><td><a href=\"")
                    .append(code).append(".csv\">下载</a></td></tr>");
        }
        return sb.append("</table></body></html>\n").toString();
    }
}
