package cn.yibao.terminal.counter;

/**
 * 3501/3502 output: the host took the message.
 *
 * @param lines  lines in the message
 * @param stored lines stored now (0 when the host had this {@code msgid} already: a retry is harmless)
 */
public record InventoryReceipt(int lines, int stored) {

    public InventoryReceipt {
        if (lines < 1 || stored < 0 || stored > lines) {
            throw new IllegalArgumentException("bad receipt: " + stored + " of " + lines);
        }
    }
}
