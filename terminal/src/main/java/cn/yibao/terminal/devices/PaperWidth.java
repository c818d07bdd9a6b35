package cn.yibao.terminal.devices;

/** Receipt paper widths and their columns in the printer's standard font (12×24 dots). */
public enum PaperWidth {
    /** 58 mm paper: 32 half-width columns, 16 Chinese characters. */
    MM58(32),
    /** 80 mm paper: 48 half-width columns, 24 Chinese characters. */
    MM80(48);

    private final int columns;

    PaperWidth(int columns) {
        this.columns = columns;
    }

    /** @return the number of half-width columns on one line */
    public int columns() {
        return columns;
    }
}
