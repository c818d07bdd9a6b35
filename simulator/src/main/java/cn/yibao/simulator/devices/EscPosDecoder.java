package cn.yibao.simulator.devices;

import cn.yibao.terminal.devices.EscPos;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Decodes the ESC/POS byte stream a receipt printer receives into text lines and cuts, the way a
 * printer in Chinese (GB18030) mode would print them. Status requests ({@code DLE EOT n}) are passed
 * to a callback so the simulator can answer. Unknown commands are skipped by their documented
 * length; a line longer than {@link #MAX_LINE_BYTES} is broken, as the paper would.
 */
public final class EscPosDecoder {

    /** Bytes in one printed line before the decoder breaks it. */
    public static final int MAX_LINE_BYTES = 256;

    /** What the decoder recognised, in order. */
    public interface Listener {
        void line(String text);

        void cut();
    }

    private final Listener listener;
    private final IntConsumer statusRequest;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final List<Integer> command = new ArrayList<>();

    public EscPosDecoder(Listener listener, IntConsumer statusRequest) {
        this.listener = listener;
        this.statusRequest = statusRequest;
    }

    /** Feeds received bytes. */
    public void accept(byte[] bytes) {
        for (byte b : bytes) {
            accept(b & 0xFF);
        }
    }

    private void accept(int b) {
        if (!command.isEmpty()) {
            command.add(b);
            finishCommandIfComplete();
            return;
        }
        if (b == EscPos.ESC || b == EscPos.GS || b == EscPos.FS || b == EscPos.DLE) {
            command.add(b);
        } else if (b == EscPos.LF) {
            flushLine();
        } else if (b >= 0x20 || b >= 0x80) {
            line.write(b);
            if (line.size() >= MAX_LINE_BYTES) {
                flushLine();
            }
        }
        // other control bytes (CR, NUL, …) print nothing
    }

    private void finishCommandIfComplete() {
        int needed = length(command);
        if (command.size() < needed) {
            return;
        }
        int first = command.get(0);
        int second = command.get(1);
        if (first == EscPos.DLE && second == EscPos.EOT) {
            statusRequest.accept(command.get(2));
        } else if (first == EscPos.GS && second == 'V') {
            flushPartialLine();
            listener.cut();
        } else if (first == EscPos.ESC && second == 'd') {
            flushPartialLine();
        }
        command.clear();
    }

    /** @return the total length of the command that starts with the bytes so far */
    private static int length(List<Integer> cmd) {
        if (cmd.size() < 2) {
            return 2;
        }
        int first = cmd.get(0);
        int second = cmd.get(1);
        if (first == EscPos.GS && second == 'V') {
            // GS V m (m = 0,1,48,49) or GS V m n (m = 65,66)
            return cmd.size() >= 3 && (cmd.get(2) == 65 || cmd.get(2) == 66) ? 4 : 3;
        }
        if (first == EscPos.FS && (second == '&' || second == '.')) {
            return 2;
        }
        if (first == EscPos.ESC && second == '@') {
            return 2;
        }
        return 3; // ESC E n, ESC a n, ESC d n, ESC ! n, GS ! n, DLE EOT n, FS ! n
    }

    private void flushPartialLine() {
        if (line.size() > 0) {
            flushLine();
        }
    }

    private void flushLine() {
        listener.line(new String(line.toByteArray(), EscPos.GB18030));
        line.reset();
    }
}
