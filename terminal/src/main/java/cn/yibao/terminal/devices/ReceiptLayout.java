package cn.yibao.terminal.devices;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a {@link Receipt} out as printed lines for a paper width. Chinese (and other full-width)
 * characters take two columns, as on an ESC/POS printer in Chinese mode.
 */
public final class ReceiptLayout {

    private ReceiptLayout() {
    }

    /** @return the printed lines, none wider than the paper's columns */
    public static List<String> lines(Receipt receipt, PaperWidth width) {
        int columns = width.columns();
        List<String> out = new ArrayList<>();
        for (ReceiptLine line : receipt.lines()) {
            if (line instanceof ReceiptLine.Title t) {
                wrap(t.text(), columns).forEach(s -> out.add(centre(s, columns)));
            } else if (line instanceof ReceiptLine.Text t) {
                out.addAll(wrap(t.text(), columns));
            } else if (line instanceof ReceiptLine.Pair p) {
                out.addAll(pair(p, columns));
            } else {
                out.add("-".repeat(columns));
            }
        }
        return out;
    }

    /** @return the number of columns {@code text} takes: two for a full-width character */
    public static int columns(String text) {
        return text.codePoints().map(ReceiptLayout::columns).sum();
    }

    private static int columns(int codePoint) {
        return codePoint >= 0x1100 && (codePoint <= 0x115F || codePoint >= 0x2E80) ? 2 : 1;
    }

    private static List<String> pair(ReceiptLine.Pair p, int columns) {
        int gap = columns - columns(p.label()) - columns(p.value());
        if (gap >= 1) {
            return List.of(p.label() + " ".repeat(gap) + p.value());
        }
        List<String> out = new ArrayList<>(wrap(p.label(), columns));
        out.add(" ".repeat(Math.max(0, columns - columns(p.value()))) + p.value());
        return out;
    }

    private static String centre(String text, int columns) {
        int pad = (columns - columns(text)) / 2;
        return " ".repeat(Math.max(0, pad)) + text;
    }

    private static List<String> wrap(String text, int columns) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = columns(cp);
            if (used + w > columns) {
                out.add(line.toString());
                line.setLength(0);
                used = 0;
            }
            line.appendCodePoint(cp);
            used += w;
            i += Character.charCount(cp);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }
}
