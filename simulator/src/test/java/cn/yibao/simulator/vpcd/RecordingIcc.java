package cn.yibao.simulator.vpcd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A trivial card for bridge tests: answers SELECT with 9000, echoes any other command's bytes
 * followed by 9000, and records every call it gets.
 */
final class RecordingIcc implements VirtualIcc {

    static final byte[] ATR = HexFormat.of().parseHex("3B8880010000000000000000");

    private final List<String> calls = new ArrayList<>();
    private int processed;
    private int vanishAt;
    private boolean vanishAfterActing;

    /** What this card throws when it leaves the field. */
    static final class Vanished extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Vanished(String message) {
            super(message);
        }
    }

    /** The card vanishes at its {@code nth} command from now (1-based), before or after acting. */
    synchronized void vanishAt(int nth, boolean afterActing) {
        vanishAt = processed + nth;
        vanishAfterActing = afterActing;
    }

    @Override
    public synchronized byte[] atr() {
        calls.add("atr");
        return ATR.clone();
    }

    @Override
    public synchronized void powerOn() {
        calls.add("on");
    }

    @Override
    public synchronized void powerOff() {
        calls.add("off");
    }

    @Override
    public synchronized void reset() {
        calls.add("reset");
    }

    @Override
    public synchronized byte[] process(byte[] command) {
        if (processed + 1 == vanishAt && !vanishAfterActing) {
            vanishAt = 0;
            throw new Vanished("before acting");
        }
        processed++;
        calls.add("apdu " + HexFormat.of().formatHex(command));
        if (processed == vanishAt) {
            vanishAt = 0;
            throw new Vanished("after acting");
        }
        if (command.length >= 2 && command[1] == (byte) 0xA4) {
            return new byte[] {(byte) 0x90, 0x00};
        }
        byte[] response = Arrays.copyOf(command, command.length + 2);
        response[command.length] = (byte) 0x90;
        return response;
    }

    synchronized int processed() {
        return processed;
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }
}
