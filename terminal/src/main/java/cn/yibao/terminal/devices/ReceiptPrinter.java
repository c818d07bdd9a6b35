package cn.yibao.terminal.devices;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An ESC/POS receipt printer on a serial line. Before each job it asks the printer for its
 * real-time status with a short timeout; a printer that is off, offline or out of paper never blocks
 * the sale: the job is kept and {@link #reprint()} prints it later.
 */
public final class ReceiptPrinter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReceiptPrinter.class);

    /** Jobs kept for reprinting, oldest first dropped beyond this. */
    public static final int MAX_PENDING = 50;

    private final SerialLink link;
    private final PaperWidth width;
    private final Duration statusTimeout;
    private final Deque<List<String>> pending = new ArrayDeque<>();
    private List<String> last = List.of();

    public ReceiptPrinter(SerialLink link, PaperWidth width, Duration statusTimeout) {
        this.link = link;
        this.width = width;
        this.statusTimeout = statusTimeout;
    }

    /** @return the paper width this printer was configured with */
    public PaperWidth width() {
        return width;
    }

    /** Lays out and prints a receipt, or keeps it for reprinting if the printer cannot take it. */
    public synchronized PrintOutcome print(Receipt receipt) {
        List<String> lines = ReceiptLayout.lines(receipt, width);
        last = lines;
        Optional<DeviceProblem> problem = send(lines);
        if (problem.isPresent()) {
            if (pending.size() == MAX_PENDING) {
                pending.removeFirst();
            }
            pending.addLast(lines);
            LOG.warn("receipt not printed on {}: {}", link.name(), problem.get().message());
        }
        return new PrintOutcome(problem.isEmpty(), problem, pending.size());
    }

    /** Prints the jobs kept while the printer was unavailable, oldest first, until one fails. */
    public synchronized PrintOutcome reprint() {
        while (!pending.isEmpty()) {
            Optional<DeviceProblem> problem = send(pending.peekFirst());
            if (problem.isPresent()) {
                return new PrintOutcome(false, problem, pending.size());
            }
            pending.removeFirst();
        }
        return new PrintOutcome(true, Optional.empty(), 0);
    }

    /** Prints the last receipt again (a customer's copy), whether or not it printed the first time. */
    public synchronized PrintOutcome reprintLast() {
        if (last.isEmpty()) {
            return new PrintOutcome(true, Optional.empty(), pending.size());
        }
        Optional<DeviceProblem> problem = send(last);
        return new PrintOutcome(problem.isEmpty(), problem, pending.size());
    }

    /** @return the number of receipts waiting to be reprinted */
    public synchronized int pending() {
        return pending.size();
    }

    /** Asks the printer whether it can print now. */
    public synchronized Optional<DeviceProblem> status() {
        try {
            Optional<DeviceProblem> online = query(EscPos.STATUS_PRINTER, EscPos.STATUS_OFFLINE_BIT, DeviceProblem.PRINTER_OFFLINE);
            return online.isPresent() ? online
                    : query(EscPos.STATUS_PAPER, EscPos.STATUS_PAPER_END_BITS, DeviceProblem.PRINTER_PAPER_OUT);
        } catch (DeviceException e) {
            return Optional.of(DeviceProblem.PRINTER_OFFLINE);
        }
    }

    private Optional<DeviceProblem> send(List<String> lines) {
        Optional<DeviceProblem> problem = status();
        if (problem.isPresent()) {
            return problem;
        }
        try {
            link.write(EscPos.job(lines, true));
            return Optional.empty();
        } catch (DeviceException e) {
            return Optional.of(DeviceProblem.PRINTER_OFFLINE);
        }
    }

    private Optional<DeviceProblem> query(int request, int badBits, DeviceProblem whenBad) {
        drain();
        link.write(EscPos.statusRequest(request));
        byte[] answer = link.read(1, statusTimeout);
        if (answer.length == 0) {
            return Optional.of(DeviceProblem.PRINTER_OFFLINE);
        }
        int status = answer[0] & 0xFF;
        if (!EscPos.isStatusByte(status)) {
            return Optional.of(DeviceProblem.PRINTER_ERROR);
        }
        return (status & badBits) != 0 ? Optional.of(whenBad) : Optional.empty();
    }

    /** Discards stale bytes (a late status answer) so the next answer matches the next question. */
    private void drain() {
        for (int i = 0; i < 16 && link.read(64, Duration.ofMillis(1)).length > 0; i++) {
            // keep reading until quiet, bounded
        }
    }

    @Override
    public void close() {
        link.close();
    }
}
