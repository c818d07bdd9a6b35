package cn.yibao.terminal.devices;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The ESC/POS subset the terminal sends to a receipt printer, and the status bytes it reads back.
 * Text is GB18030 in the printer's Chinese mode ({@code FS &}).
 */
public final class EscPos {

    /** Text encoding of Chinese-mode ESC/POS printers sold in mainland China. */
    public static final Charset GB18030 = Charset.forName("GB18030");

    public static final byte ESC = 0x1B;
    public static final byte GS = 0x1D;
    public static final byte FS = 0x1C;
    public static final byte DLE = 0x10;
    public static final byte EOT = 0x04;
    public static final byte LF = 0x0A;

    /** {@code DLE EOT 1}: real-time printer status; bit 3 set means offline. */
    public static final int STATUS_PRINTER = 1;
    /** {@code DLE EOT 4}: real-time roll-paper sensor status; bits 5-6 set mean paper end. */
    public static final int STATUS_PAPER = 4;
    /** Bits always set in a real-time status byte (bit 1 and bit 4), clear bit 0 and bit 7. */
    public static final int STATUS_FIXED = 0x12;
    public static final int STATUS_OFFLINE_BIT = 0x08;
    public static final int STATUS_PAPER_END_BITS = 0x60;

    private EscPos() {
    }

    /** @return {@code DLE EOT n}, a real-time status request */
    public static byte[] statusRequest(int n) {
        return new byte[] {DLE, EOT, (byte) n};
    }

    /** @return true if {@code status} is a well-formed real-time status byte */
    public static boolean isStatusByte(int status) {
        return (status & 0x93) == STATUS_FIXED;
    }

    /**
     * Encodes a whole job: initialise, Chinese mode, the lines (the first emphasised and centred
     * when {@code titled}), feed and a partial cut.
     */
    public static byte[] job(List<String> lines, boolean titled) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + lines.size() * 50);
        out.writeBytes(new byte[] {ESC, '@'});       // initialise
        out.writeBytes(new byte[] {FS, '&'});        // Chinese character mode
        for (int i = 0; i < lines.size(); i++) {
            boolean bold = titled && i == 0;
            if (bold) {
                out.writeBytes(new byte[] {ESC, 'E', 1});
            }
            out.writeBytes(lines.get(i).getBytes(GB18030));
            out.write(LF);
            if (bold) {
                out.writeBytes(new byte[] {ESC, 'E', 0});
            }
        }
        out.writeBytes(new byte[] {ESC, 'd', 4});    // feed 4 lines
        out.writeBytes(new byte[] {GS, 'V', 66, 0}); // feed to the cutter and cut partially
        return out.toByteArray();
    }
}
