package cn.yibao.simulator.supervision.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: CRLF records, quoted fields, doubled quotes; anything else fails. */
final class Rfc4180 {

    private Rfc4180() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' && field.length() == 0) {
                i = quoted(text, i + 1, field);
                continue;
            }
            if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new IllegalArgumentException("bare CR at " + i);
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else if (c == '\n' || c == '"') {
                throw new IllegalArgumentException("unexpected " + (int) c + " at " + i);
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new IllegalArgumentException("last record not CRLF-terminated");
        }
        return rows;
    }

    /** Reads a quoted field's content from {@code i}; returns the index after the closing quote. */
    private static int quoted(String text, int i, StringBuilder field) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                char next = i + 1 < text.length() ? text.charAt(i + 1) : '\r';
                if (next != ',' && next != '\r') {
                    throw new IllegalArgumentException("text after closing quote at " + i);
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("unterminated quoted field");
    }
}
