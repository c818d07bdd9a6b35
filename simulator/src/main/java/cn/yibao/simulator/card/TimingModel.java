package cn.yibao.simulator.card;

/**
 * How long a command takes on a real card, without sleeping: the air (or contact) interface, the
 * frame waiting time and on-chip crypto and EEPROM writes. Figures from
 * {@code shared/reference/card_protocol.md} §5; see docs/card-application.md §8.
 *
 * @param bitsPerSecond interface bit rate: 106 000 for ISO 14443 (JR/T 0025.11), the baud rate for
 *     the PSAM's contact interface
 * @param bitsPerByte bits on the wire per byte: 9 for ISO 14443-A (8 + parity), 12 for ISO 7816
 *     (start, 8, parity, 2 guard)
 * @param frameOverheadBytes bytes added to every frame: PCB + CRC (3) contactless, procedure byte
 *     and header echo (1) contact
 * @param turnaroundMicros delay between frames (frame delay time, ≈ 86 µs at 106 kbit/s)
 * @param frameSize largest frame the card accepts (FSC) — longer commands are chained, each extra
 *     block acknowledged; 0 for no chaining
 * @param fwtMicros frame waiting time: processing longer than this costs a waiting-time extension
 *     (an S(WTX) exchange) per FWT
 * @param baseMicros command decoding and dispatch on the chip
 * @param cryptoMicros one block-cipher operation with key setup (3DES or SM4)
 * @param eepromWriteMicros one EEPROM page write (with the anti-tearing backup)
 * @param readerMicros reader and host overhead per APDU (USB CCID, PC/SC)
 */
public record TimingModel(long bitsPerSecond, int bitsPerByte, int frameOverheadBytes, long turnaroundMicros,
        int frameSize, long fwtMicros, long baseMicros, long cryptoMicros, long eepromWriteMicros,
        long readerMicros) {

    public TimingModel {
        if (bitsPerSecond <= 0 || bitsPerByte <= 0 || frameOverheadBytes < 0 || turnaroundMicros < 0
                || frameSize < 0 || (frameSize > 0 && frameSize <= frameOverheadBytes) || fwtMicros <= 0
                || baseMicros < 0 || cryptoMicros < 0 || eepromWriteMicros < 0 || readerMicros < 0) {
            throw new IllegalArgumentException("invalid timing parameters");
        }
    }

    /**
     * A contactless card: 106 kbit/s both ways, FSC 64 bytes (FSCI 5), FWI 7 (FWT ≈ 38.7 ms), 3DES
     * ≈ 2 ms per operation with key setup, 3 ms per EEPROM page write, 1 ms reader overhead.
     */
    public static TimingModel contactless() {
        return new TimingModel(106_000, 9, 3, 86, 64, 38_660, 500, 2_000, 3_000, 1_000);
    }

    /** A PSAM in the contact slot at 115 200 baud after PPS (T=0), same chip figures. */
    public static TimingModel contactPsam() {
        return new TimingModel(115_200, 12, 1, 100, 0, 1_000_000, 500, 2_000, 3_000, 1_000);
    }

    /**
     * @param commandLength bytes of the C-APDU
     * @param responseLength bytes of the R-APDU (data and SW)
     * @param work on-chip work
     * @return the modelled time of one exchange, in nanoseconds
     */
    public long exchangeNanos(int commandLength, int responseLength, ChipWork work) {
        long micros = readerMicros;
        int blocks = 1;
        if (frameSize > 0) {
            int payload = frameSize - frameOverheadBytes;
            blocks = Math.max(1, (commandLength + payload - 1) / payload);
        }
        // each extra command block is acknowledged by an R(ACK) block from the card
        micros += air(commandLength + blocks * frameOverheadBytes) + air((blocks - 1) * frameOverheadBytes)
                + (2L * blocks - 1) * turnaroundMicros;
        long processing = baseMicros + work.cryptoOps() * cryptoMicros + work.eepromWrites() * eepromWriteMicros;
        long extensions = (processing - 1) / fwtMicros;
        micros += processing + extensions * (2 * air(frameOverheadBytes + 1) + 2 * turnaroundMicros);
        micros += air(responseLength + frameOverheadBytes) + turnaroundMicros;
        return micros * 1_000;
    }

    private long air(int bytes) {
        return bytes * (long) bitsPerByte * 1_000_000 / bitsPerSecond;
    }
}
