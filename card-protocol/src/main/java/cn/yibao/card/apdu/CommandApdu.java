package cn.yibao.card.apdu;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * An ISO 7816-4 command APDU in short form: header, optional data (1..255 bytes) and optional Le.
 *
 * @param cla class byte
 * @param ins instruction byte
 * @param p1 parameter 1
 * @param p2 parameter 2
 * @param data command data, empty if none (defensively copied)
 * @param le expected response length: -1 for none, 0..256 (256 is encoded as {@code 00})
 */
public record CommandApdu(int cla, int ins, int p1, int p2, byte[] data, int le) {

    /** Largest data field of a short APDU. */
    public static final int MAX_DATA = 255;

    public CommandApdu {
        checkByte(cla, "CLA");
        checkByte(ins, "INS");
        checkByte(p1, "P1");
        checkByte(p2, "P2");
        data = data == null ? new byte[0] : data.clone();
        if (data.length > MAX_DATA) {
            throw new IllegalArgumentException("data longer than 255 bytes: " + data.length);
        }
        if (le < -1 || le > 256) {
            throw new IllegalArgumentException("Le out of range: " + le);
        }
    }

    /** A case-1 or case-3 command (no Le). */
    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data) {
        return new CommandApdu(cla, ins, p1, p2, data, -1);
    }

    /** A case-2 or case-4 command. */
    public static CommandApdu of(int cla, int ins, int p1, int p2, byte[] data, int le) {
        return new CommandApdu(cla, ins, p1, p2, data, le);
    }

    /**
     * Parses the bytes of a short command APDU.
     *
     * @throws IllegalArgumentException if they are not a well-formed short APDU
     */
    public static CommandApdu parse(byte[] bytes) {
        if (bytes == null || bytes.length < 4) {
            throw new IllegalArgumentException("command shorter than 4 bytes");
        }
        int cla = bytes[0] & 0xFF;
        int ins = bytes[1] & 0xFF;
        int p1 = bytes[2] & 0xFF;
        int p2 = bytes[3] & 0xFF;
        if (bytes.length == 4) {
            return new CommandApdu(cla, ins, p1, p2, null, -1);
        }
        int b4 = bytes[4] & 0xFF;
        if (bytes.length == 5) {
            return new CommandApdu(cla, ins, p1, p2, null, b4 == 0 ? 256 : b4);
        }
        if (b4 == 0) {
            throw new IllegalArgumentException("extended APDUs are not supported");
        }
        byte[] data = Arrays.copyOfRange(bytes, 5, Math.min(bytes.length, 5 + b4));
        if (bytes.length == 5 + b4) {
            return new CommandApdu(cla, ins, p1, p2, data, -1);
        }
        if (bytes.length == 6 + b4) {
            int le = bytes[5 + b4] & 0xFF;
            return new CommandApdu(cla, ins, p1, p2, data, le == 0 ? 256 : le);
        }
        throw new IllegalArgumentException("Lc " + b4 + " does not match length " + bytes.length);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the number of data bytes (Lc, 0 if absent) */
    public int lc() {
        return data.length;
    }

    /** @return the encoded command */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(6 + data.length);
        out.write(cla);
        out.write(ins);
        out.write(p1);
        out.write(p2);
        if (data.length > 0) {
            out.write(data.length);
            out.write(data, 0, data.length);
        }
        if (le >= 0) {
            out.write(le == 256 ? 0 : le);
        }
        return out.toByteArray();
    }

    /** @return the four header bytes as hex, e.g. {@code 80540100}; safe to log (no data) */
    public String header() {
        return String.format("%02X%02X%02X%02X", cla, ins, p1, p2);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandApdu c && c.cla == cla && c.ins == ins && c.p1 == p1 && c.p2 == p2
                && c.le == le && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (cla << 24 | ins << 16 | p1 << 8 | p2) + le) + Arrays.hashCode(data);
    }

    /** Shows the header and lengths only: data may hold a PIN. */
    @Override
    public String toString() {
        return "CommandApdu[" + header() + " Lc=" + data.length + " Le=" + le + "]";
    }

    private static void checkByte(int value, String name) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
    }
}
