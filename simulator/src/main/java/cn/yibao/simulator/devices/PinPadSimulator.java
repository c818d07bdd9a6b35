package cn.yibao.simulator.devices;

import cn.yibao.terminal.devices.DeviceException;
import cn.yibao.terminal.devices.SerialLink;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A simulated customer-facing PIN pad ({@link cn.yibao.terminal.devices.PinPad}): decodes the
 * terminal's {@code ESC P amount CR} (shows 请输入密码 and the amount) and {@code ESC C} (clears),
 * and answers a prompt with what the cardholder "types": the next of the PINs queued with
 * {@link #willType}, followed by {@code CR}; with none queued it stays silent (the terminal times
 * out).
 */
public final class PinPadSimulator implements AutoCloseable {

    private static final byte ESC = 0x1B;
    private static final int MAX_PROMPT = 24;

    private final SerialLink link;
    private SerialReadLoop loop;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Deque<String> typing = new ArrayDeque<>();
    private final List<String> prompts = new ArrayList<>();
    private int clears;

    private PinPadSimulator(SerialLink link) {
        this.link = link;
    }

    /** Starts a PIN pad simulator on {@code link}. */
    public static PinPadSimulator start(SerialLink link) {
        PinPadSimulator sim = new PinPadSimulator(link);
        sim.loop = SerialReadLoop.start(link, "pin-pad-sim", bytes -> {
            for (byte b : bytes) {
                sim.accept(b);
            }
        });
        return sim;
    }

    /** Queues what the cardholder types at the next prompt (six digits, or anything to test refusals). */
    public synchronized void willType(String keys) {
        typing.addLast(keys);
    }

    /** @return the amounts shown with each prompt so far, oldest first */
    public synchronized List<String> prompts() {
        return List.copyOf(prompts);
    }

    /** @return how many times the terminal cleared the pad (after a timeout) */
    public synchronized int clears() {
        return clears;
    }

    private synchronized void accept(byte b) {
        pending.write(b);
        byte[] p = pending.toByteArray();
        if (p[0] != ESC || p.length > MAX_PROMPT) {
            pending.reset();
            return;
        }
        if (p.length == 2 && p[1] == 'C') {
            clears++;
            pending.reset();
        } else if (p.length >= 3 && p[1] == 'P' && b == 0x0D) {
            prompts.add(new String(p, 2, p.length - 3, StandardCharsets.US_ASCII));
            pending.reset();
            String keys = typing.pollFirst();
            if (keys != null) {
                try {
                    link.write((keys + "\r").getBytes(StandardCharsets.US_ASCII));
                } catch (DeviceException e) {
                    // the terminal closed the line: nobody to answer
                }
            }
        } else if (p.length >= 2 && p[1] != 'P' && p[1] != 'C') {
            pending.reset();
        }
    }

    @Override
    public void close() {
        loop.close();
    }
}
