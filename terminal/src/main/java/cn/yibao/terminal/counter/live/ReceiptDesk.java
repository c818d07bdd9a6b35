package cn.yibao.terminal.counter.live;

import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.devices.PrintOutcome;
import cn.yibao.terminal.devices.ReceiptPrinter;
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

    @Override
    public void accept(Settlement settlement) {
        try {
            PrintOutcome outcome = printer.print(Receipts.of(settlement, institutionName, terminalId));
            outcome.problem().ifPresent(p -> LOG.warn("receipt {} kept for reprinting: {}",
                    settlement.setlinfo().setlId(), p.message()));
        } catch (RuntimeException e) {
            LOG.warn("receipt {} not printed: {}", settlement.setlinfo().setlId(), e.toString());
        }
    }
}
