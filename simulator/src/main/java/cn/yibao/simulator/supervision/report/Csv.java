package cn.yibao.simulator.supervision.report;

import java.util.List;

/**
 * RFC 4180 CSV for spreadsheets: CRLF line ends, fields quoted when they hold a comma, a quote or a
 * line break, quotes doubled. A field that a spreadsheet would run as a formula (it starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is neutralised with a
 * leading apostrophe, as OWASP advises against CSV injection. Files start with a UTF-8 BOM so
 * that Excel reads the Chinese text as UTF-8.
 */
public final class Csv {

    /** The byte-order mark written first. */
    public static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    private Csv() {
    }

    /** @return one record, CRLF-terminated */
    public static String row(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(field(fields.get(i)));
        }
        return sb.append(CRLF).toString();
    }

    /** @return the field, neutralised and quoted as needed */
    static String field(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
