package cn.yibao.simulator.devices;

import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.EscPos;
import cn.yibao.terminal.devices.SerialLink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A simulated customer pole display: decodes {@code ESC Q A digits CR} and {@code ESC s n} and
 * keeps what a customer would see: the number and the lit lamp.
 */
public final class DisplaySimulator implements AutoCloseable {

    /** What the display shows. */
    public record Shown(String digits, Optional<CustomerDisplay.Lamp> lamp) {
    }

    private static final int MAX_DIGITS_BYTES = 16;

    private SerialReadLoop loop;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private volatile Shown shown = new Shown("", Optional.empty());
    /** Every number shown, with its lamp, oldest first (the last {@link #MAX_HISTORY}). */
    private final Deque<Shown> history = new ArrayDeque<>();
    private static final int MAX_HISTORY = 1_000;

    private DisplaySimulator() {
    }

    /** Starts a display simulator reading from {@code link}. */
    public static DisplaySimulator start(SerialLink link) {
        DisplaySimulator sim = new DisplaySimulator();
        sim.loop = SerialReadLoop.start(link, "display-sim", bytes -> {
            for (byte b : bytes) {
                sim.accept(b & 0xFF);
            }
        });
        return sim;
    }

    /** @return what the display shows now */
    public Shown shown() {
        return shown;
    }

    /** @return everything shown so far (each number with the lamp lit after it), oldest first */
    public synchronized List<Shown> history() {
        return List.copyOf(history);
    }

    private synchronized void showed(Shown now) {
        if (history.size() == MAX_HISTORY) {
            history.removeFirst();
        }
        history.addLast(now);
    }

    private void accept(int b) {
        pending.write(b);
        byte[] p = pending.toByteArray();
        if (p[0] != EscPos.ESC || p.length > 3 + MAX_DIGITS_BYTES) {
            pending.reset();
            return;
        }
        if (p.length >= 3 && p[1] == 's') {
            shown = new Shown(shown.digits(), CustomerDisplay.Lamp.of(p[2] - '0'));
            showed(shown); // the lamp ends what the terminal shows: the number comes first
            pending.reset();
        } else if (p.length >= 4 && p[1] == 'Q' && p[2] == 'A' && b == 0x0D) {
            shown = new Shown(new String(p, 3, p.length - 4, StandardCharsets.US_ASCII), shown.lamp());
            pending.reset();
        } else if (p.length >= 2 && p[1] != 's' && p[1] != 'Q') {
            pending.reset();
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
