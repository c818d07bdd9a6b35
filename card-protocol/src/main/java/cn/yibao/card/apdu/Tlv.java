package cn.yibao.card.apdu;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * One ISO 7816-4 simple-TLV: a tag byte 01..FE, a length (one byte 00..FE, or FF followed by two
 * bytes), and the value. Records on the social-security card are stored this way
 * ({@code tag ‖ len ‖ value}).
 *
 * @param tag the tag, 0x01..0xFE
 * @param value the value (defensively copied), at most 65 535 bytes
 */
public record Tlv(int tag, byte[] value) {

    public Tlv {
        if (tag < 0x01 || tag > 0xFE) {
            throw new IllegalArgumentException("simple-TLV tag out of range: " + tag);
        }
        value = value == null ? new byte[0] : value.clone();
        if (value.length > 0xFFFF) {
            throw new IllegalArgumentException("TLV value too long: " + value.length);
        }
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** @return the length of the value */
    public int length() {
        return value.length;
    }

    /** @return tag, length and value */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 4);
        writeTo(out);
        return out.toByteArray();
    }

    /** Appends tag, length and value to {@code out}. */
    public void writeTo(ByteArrayOutputStream out) {
        out.write(tag);
        if (value.length < 0xFF) {
            out.write(value.length);
        } else {
            out.write(0xFF);
            out.write(value.length >>> 8);
            out.write(value.length);
        }
        out.write(value, 0, value.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tag == tag && Arrays.equals(t.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * tag + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return String.format("Tlv[%02X, %d bytes]", tag, value.length);
    }
}
