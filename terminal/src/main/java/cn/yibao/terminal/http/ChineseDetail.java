package cn.yibao.terminal.http;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Chinese counterpart of an API error's English detail, for {@code err_msg}: the subject the
 * detail names in the API's own terms (the field's path, the msgid, the infno, the path) with the
 * rule in Chinese where it is a common one; never the English prose, which stays in
 * {@code err_msg_en}.
 */
final class ChineseDetail {

    private static final String FIELD = "[A-Za-z_][A-Za-z0-9_]*(?:\\[\\d+])*(?:\\.[A-Za-z_][A-Za-z0-9_]*(?:\\[\\d+])*)*";
    private static final Pattern REQUIRED = Pattern.compile("(?:(" + FIELD + "): )?(" + FIELD + ") is required.*");
    private static final Pattern TOO_LONG = Pattern.compile("(?:(" + FIELD + "): )?(" + FIELD + ") is longer than (\\d+) characters.*");
    private static final Pattern FIELD_RULE = Pattern.compile("(" + FIELD + ")(?::| must| has| is) .*");
    private static final Pattern LINE = Pattern.compile("(?:" + FIELD + ": )?line feedetl_sn (\\S{1,30}): .*|(" + FIELD
            + ")\\.feedetl_sn repeats (" + FIELD + ")(?: .*)?");
    private static final Pattern KEYWORD = Pattern.compile("(msgid|infno) (\\S{1,40}) .*|(msgid|infno) (\\S{1,40})");

    private ChineseDetail() {
    }

    /** @return the Chinese detail for {@code detail}, or null when it names nothing to show */
    static String of(String detail) {
        if (detail == null || detail.isEmpty()) {
            return null;
        }
        if (detail.startsWith("/")) {
            return "地址 " + detail;
        }
        Matcher k = KEYWORD.matcher(detail);
        if (k.matches()) {
            String what = k.group(1) != null ? k.group(1) : k.group(3);
            String value = k.group(2) != null ? k.group(2) : k.group(4);
            return (what.equals("msgid") ? "报文ID（msgid）" : "交易编号（infno）") + " " + value;
        }
        Matcher line = LINE.matcher(detail);
        if (line.matches()) {
            return line.group(1) != null ? "费用明细 feedetl_sn " + line.group(1) + " 的金额与数量×单价不符（详见 err_msg_en）"
                    : "费用明细 " + line.group(2) + " 与 " + line.group(3) + " 的 feedetl_sn 重复";
        }
        Matcher m = REQUIRED.matcher(detail);
        if (m.matches()) {
            return "字段 " + (m.group(1) == null ? "" : m.group(1) + ".") + m.group(2) + " 必填";
        }
        m = TOO_LONG.matcher(detail);
        if (m.matches()) {
            return "字段 " + (m.group(1) == null ? "" : m.group(1) + ".") + m.group(2) + " 超过 " + m.group(3) + " 个字符";
        }
        m = FIELD_RULE.matcher(detail);
        if (m.matches()) {
            return "字段 " + m.group(1) + " 的值不符合规则（详见 err_msg_en）";
        }
        return null;
    }
}
