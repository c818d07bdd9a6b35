package cn.yibao.simulator.devices;

import cn.yibao.terminal.devices.EscPos;
import cn.yibao.terminal.devices.SerialLink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated ESC/POS receipt printer on a serial line: decodes what it receives into receipts
 * (the lines between two cuts), answers real-time status requests, and can be switched offline or
 * out of paper at run time. While offline or out of paper it prints nothing it receives.
 */
public final class PrinterSimulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrinterSimulator.class);

    private final SerialLink link;
    private final List<List<String>> receipts = new CopyOnWriteArrayList<>();
    private final List<String> current = new ArrayList<>();
    private final EscPosDecoder decoder;
    private SerialReadLoop loop;
    private volatile boolean paperOut;
    private volatile boolean offline;

    private PrinterSimulator(SerialLink link) {
        this.link = link;
        this.decoder = new EscPosDecoder(new EscPosDecoder.Listener() {
            @Override
            public void line(String text) {
                if (canPrint()) {
                    current.add(text);
                }
            }

            @Override
            public void cut() {
                if (canPrint() && !current.isEmpty()) {
                    receipts.add(List.copyOf(current));
                    LOG.info("printed a receipt of {} lines", current.size());
                }
                current.clear();
            }
        }, this::answerStatus);
    }

    /** Starts a printer simulator reading from {@code link}. */
    public static PrinterSimulator start(SerialLink link) {
        PrinterSimulator sim = new PrinterSimulator(link);
        sim.loop = SerialReadLoop.start(link, "printer-sim", sim.decoder::accept);
        return sim;
    }

    /** @return the receipts printed so far, each as its lines */
    public List<List<String>> receipts() {
        return List.copyOf(receipts);
    }

    public void setPaperOut(boolean paperOut) {
        this.paperOut = paperOut;
    }

    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    private boolean canPrint() {
        return !paperOut && !offline;
    }

    private void answerStatus(int n) {
        if (offline) {
            return; // an offline (switched-off) printer answers nothing
        }
        int status = EscPos.STATUS_FIXED;
        if (n == EscPos.STATUS_PAPER && paperOut) {
            status |= EscPos.STATUS_PAPER_END_BITS;
        }
        link.write(new byte[] {(byte) status});
    }

    @Override
    public void close() {
        loop.close();
    }
}
