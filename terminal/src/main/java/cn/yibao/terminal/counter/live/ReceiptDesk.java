package cn.yibao.terminal.counter.live;

import cn.yibao.terminal.counter.PrinterStatus;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.devices.DeviceProblem;
import cn.yibao.terminal.devices.PrintOutcome;
import cn.yibao.terminal.devices.ReceiptPrinter;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints the customer's receipt after each committed settlement. A printer that is off or out of
 * paper never blocks or fails the sale: the receipt is kept for reprinting and the problem logged.
 */
public final class ReceiptDesk implements Consumer<Settlement> {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptDesk.class);

    private final ReceiptPrinter printer;
    private final String institutionName;
    private final String terminalId;

    public ReceiptDesk(ReceiptPrinter printer, String institutionName, String terminalId) {
        this.printer = printer;
        this.institutionName = institutionName;
        this.terminalId = terminalId;
    }

    private volatile Optional<DeviceProblem> lastProblem = Optional.empty();

    @Override
    public void accept(Settlement settlement) {
        try {
            PrintOutcome outcome = printer.print(Receipts.of(settlement, institutionName, terminalId));
            lastProblem = outcome.problem();
            outcome.problem().ifPresent(p -> LOG.warn("receipt {} kept for reprinting: {}",
                    settlement.setlinfo().setlId(), p.message()));
        } catch (RuntimeException e) {
            lastProblem = Optional.of(DeviceProblem.PRINTER_ERROR);
            LOG.warn("receipt {} not printed: {}", settlement.setlinfo().setlId(), e.toString());
        }
    }

    /**
     * Prints the cash slip (收款凭条: 实收 and 找零) of the cash handed over for {@code settlement}'s
     * cash share, after its receipt; like the receipt it never blocks or fails anything.
     */
    public void tendered(Settlement settlement, Tender tender) {
        try {
            PrintOutcome outcome = printer.print(Receipts.cashSlip(settlement, tender, institutionName, terminalId));
            lastProblem = outcome.problem();
        } catch (RuntimeException e) {
            lastProblem = Optional.of(DeviceProblem.PRINTER_ERROR);
            LOG.warn("cash slip of {} not printed: {}", settlement.setlinfo().setlId(), e.toString());
        }
    }

    /**
     * Prints the receipts kept while the printer could not take them, oldest first, or, with none
     * kept, the last receipt again (the customer's copy).
     *
     * @return the printer's state afterwards
     */
    public PrinterStatus reprint() {
        PrintOutcome outcome = printer.pending() > 0 ? printer.reprint() : printer.reprintLast();
        lastProblem = outcome.problem();
        LOG.info("receipt reprint: {}", outcome.printed() ? "printed" : outcome.problem().orElseThrow().message());
        return status();
    }

    /** @return the printer's state: receipts waiting, the last print's problem */
    public PrinterStatus status() {
        Optional<DeviceProblem> problem = lastProblem;
        return new PrinterStatus(true, printer.pending(), problem.map(DeviceProblem::code).orElse(null),
                problem.map(DeviceProblem::messageZh).orElse(null));
    }
}
