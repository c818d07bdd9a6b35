package cn.yibao.card.apdu;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import java.util.Arrays;

/**
 * A response APDU: data and status word. Construction from card bytes is bounded: anything that
 * is not 2..{@value #MAX_LENGTH} bytes becomes a typed {@link CardException}.
 *
 * @param data response data (defensively copied)
 * @param sw the status word, 0x0000..0xFFFF
 */
public record ResponseApdu(byte[] data, int sw) {

    /** The largest response accepted from a card: 4 KiB of data plus the status word. */
    public static final int MAX_LENGTH = 4096 + 2;

    public ResponseApdu {
        data = data == null ? new byte[0] : data.clone();
        if (data.length > MAX_LENGTH - 2) {
            throw new IllegalArgumentException("response data too long: " + data.length);
        }
        if (sw < 0 || sw > 0xFFFF) {
            throw new IllegalArgumentException("status word out of range: " + sw);
        }
    }

    /** @return a response with data and a status word */
    public static ResponseApdu of(byte[] data, int sw) {
        return new ResponseApdu(data, sw);
    }

    /** @return a response with no data */
    public static ResponseApdu of(int sw) {
        return new ResponseApdu(null, sw);
    }

    /**
     * Parses bytes received from a card.
     *
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if they cannot be a response
     */
    public static ResponseApdu parse(byte[] bytes) {
        if (bytes == null || bytes.length < 2) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "response shorter than 2 bytes");
        }
        if (bytes.length > MAX_LENGTH) {
            throw CardException.protocol(CardError.RESPONSE_TOO_LONG, "response of " + bytes.length + " bytes");
        }
        int sw = (bytes[bytes.length - 2] & 0xFF) << 8 | bytes[bytes.length - 1] & 0xFF;
        return new ResponseApdu(Arrays.copyOf(bytes, bytes.length - 2), sw);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the first status byte */
    public int sw1() {
        return sw >>> 8;
    }

    /** @return the second status byte */
    public int sw2() {
        return sw & 0xFF;
    }

    /** @return whether the status word is 9000 */
    public boolean isOk() {
        return sw == StatusWord.OK;
    }

    /** @return the encoded response: data followed by SW1 SW2 */
    public byte[] bytes() {
        byte[] out = Arrays.copyOf(data, data.length + 2);
        out[data.length] = (byte) (sw >>> 8);
        out[data.length + 1] = (byte) sw;
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResponseApdu r && r.sw == sw && Arrays.equals(r.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * sw + Arrays.hashCode(data);
    }

    /** Shows the length and status word only: data may hold personal data. */
    @Override
    public String toString() {
        return String.format("ResponseApdu[%d bytes, SW=%04X]", data.length, sw);
    }
}
