package cn.yibao.terminal.devices;

import java.util.List;

/**
 * A receipt as logical lines, independent of the paper width.
 *
 * @param lines the lines, top to bottom
 */
public record Receipt(List<ReceiptLine> lines) {

    /** The most lines one receipt may have (a long discharge statement fits easily). */
    public static final int MAX_LINES = 2_000;

    public Receipt {
        lines = List.copyOf(lines);
        if (lines.isEmpty() || lines.size() > MAX_LINES) {
            throw new IllegalArgumentException("a receipt has 1 to " + MAX_LINES + " lines, not " + lines.size());
        }
    }
}
