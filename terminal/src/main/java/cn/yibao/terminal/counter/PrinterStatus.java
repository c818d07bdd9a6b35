package cn.yibao.terminal.counter;

/**
 * The counter's receipt printer as the cashier sees it.
 *
 * @param configured whether the counter has a receipt printer
 * @param pending    receipts kept while the printer could not take them, waiting to be reprinted
 * @param problem    the stable code of the last print's problem ({@code PRINTER_PAPER_OUT}, …), or
 *                   null when the last print went through
 * @param message    that problem's Chinese message for the cashier, or null
 */
public record PrinterStatus(boolean configured, int pending, String problem, String message) {

    /** A counter without a printer. */
    public static final PrinterStatus NONE = new PrinterStatus(false, 0, null, null);

    public PrinterStatus {
        if (pending < 0 || (problem == null) != (message == null) || (!configured && (pending > 0 || problem != null))) {
            throw new IllegalArgumentException("inconsistent printer status");
        }
    }
}
