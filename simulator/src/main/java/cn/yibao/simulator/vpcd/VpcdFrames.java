package cn.yibao.simulator.vpcd;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;

/**
 * vpcd's framing: a 2-byte big-endian length, then the payload. A 1-byte payload is a control
 * message ({@link #POWER_OFF}, {@link #POWER_ON}, {@link #RESET}, {@link #GET_ATR}); anything
 * longer is a command APDU, answered by the response APDU framed the same way.
 */
final class VpcdFrames {

    static final byte POWER_OFF = 0x00;
    static final byte POWER_ON = 0x01;
    static final byte RESET = 0x02;
    static final byte GET_ATR = 0x04;

    /** The largest payload the 2-byte length can carry. */
    static final int MAX_PAYLOAD = 0xFFFF;

    private VpcdFrames() {
    }

    /**
     * A frame as read: its payload, or only its length when it was longer than the reader's bound
     * (the bytes were skipped, not stored).
     */
    record Frame(byte[] payload, int length) {

        Frame {
            if (length < 0 || length > MAX_PAYLOAD) {
                throw new IllegalArgumentException("vpcd frame length out of range: " + length);
            }
            payload = payload == null ? null : payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload == null ? null : payload.clone();
        }

        boolean oversized() {
            return payload == null;
        }

        boolean isControl() {
            return length == 1;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Frame f && f.length == length && java.util.Arrays.equals(f.payload, payload);
        }

        @Override
        public int hashCode() {
            return 31 * length + java.util.Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Frame[" + length + " bytes" + (oversized() ? ", skipped" : "") + "]";
        }
    }

    /**
     * Reads one frame; payloads longer than {@code maxPayload} are skipped without being stored.
     *
     * @throws EOFException if the peer closed the connection, even in the middle of a frame
     */
    static Frame read(DataInputStream in, int maxPayload) throws IOException {
        int length = in.readUnsignedShort();
        if (length > maxPayload) {
            in.skipNBytes(length);
            return new Frame(null, length);
        }
        byte[] payload = new byte[length];
        in.readFully(payload);
        return new Frame(payload, length);
    }

    /** Writes one frame in a single write, so that it leaves in one TCP segment. */
    static void write(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IOException("vpcd payload too long: " + payload.length + " bytes");
        }
        byte[] frame = new byte[payload.length + 2];
        frame[0] = (byte) (payload.length >>> 8);
        frame[1] = (byte) payload.length;
        System.arraycopy(payload, 0, frame, 2, payload.length);
        out.write(frame);
        out.flush();
    }
}
