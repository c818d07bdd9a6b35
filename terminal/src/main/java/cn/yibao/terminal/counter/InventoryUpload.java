package cn.yibao.terminal.counter;

import java.util.List;

/**
 * 3501/3502 input: the lines of one inventory message ({@code invinfo}), forwarded to the host as
 * they are. Nationally {@code invinfo} is one line; this terminal also takes a list.
 *
 * @param invinfo the lines, 1 to {@link #MAX_LINES}
 * @param <T>     {@link StockCount} (3501) or {@link StockChange} (3502)
 */
public record InventoryUpload<T>(List<T> invinfo) {

    /** Most lines in one message (the host's bound too). */
    public static final int MAX_LINES = 1_000;

    public InventoryUpload {
        invinfo = Checks.list(invinfo, "invinfo", MAX_LINES);
        if (invinfo.isEmpty()) {
            throw new IllegalArgumentException("invinfo is required");
        }
        for (T line : invinfo) {
            Checks.present(line, "invinfo line");
        }
    }
}
