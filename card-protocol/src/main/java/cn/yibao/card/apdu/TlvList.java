package cn.yibao.card.apdu;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An ordered list of simple-TLVs, parsed with every length bounded: a malformed or truncated list
 * from a card is a {@link CardError#MALFORMED_RESPONSE}, never another exception.
 *
 * @param items the TLVs in order (copied, unmodifiable)
 */
public record TlvList(List<Tlv> items) {

    /** The most TLVs a card response may hold. */
    public static final int MAX_ITEMS = 64;

    public TlvList {
        items = List.copyOf(items);
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("too many TLVs: " + items.size());
        }
    }

    /** @return a list of the given TLVs */
    public static TlvList of(Tlv... tlvs) {
        return new TlvList(Arrays.asList(tlvs));
    }

    /**
     * Parses bytes from a card.
     *
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if they are not a simple-TLV list
     */
    public static TlvList parse(byte[] bytes) {
        List<Tlv> out = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            if (out.size() == MAX_ITEMS) {
                throw malformed("more than " + MAX_ITEMS + " TLVs");
            }
            int tag = bytes[i++] & 0xFF;
            if (tag == 0x00 || tag == 0xFF) {
                throw malformed(String.format("invalid tag %02X", tag));
            }
            if (i >= bytes.length) {
                throw malformed("TLV without length");
            }
            int len = bytes[i++] & 0xFF;
            if (len == 0xFF) {
                if (i + 2 > bytes.length) {
                    throw malformed("truncated long length");
                }
                len = (bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF;
                i += 2;
            }
            if (len > bytes.length - i) {
                throw malformed("TLV length " + len + " beyond the data");
            }
            out.add(new Tlv(tag, Arrays.copyOfRange(bytes, i, i + len)));
            i += len;
        }
        return new TlvList(out);
    }

    /** @return the first TLV with {@code tag} */
    public Optional<Tlv> find(int tag) {
        return items.stream().filter(t -> t.tag() == tag).findFirst();
    }

    /**
     * @return the value of the mandatory TLV {@code tag}
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if it is absent
     */
    public byte[] require(int tag) {
        return find(tag).orElseThrow(() -> malformed(String.format("tag %02X missing", tag))).value();
    }

    /**
     * @return the value of the mandatory TLV {@code tag}, which must be {@code length} bytes long
     * @throws CardException {@link CardError#MALFORMED_RESPONSE} if it is absent or of another length
     */
    public byte[] require(int tag, int length) {
        byte[] value = require(tag);
        if (value.length != length) {
            throw malformed(String.format("tag %02X has %d bytes, expected %d", tag, value.length, length));
        }
        return value;
    }

    /** @return the concatenated encoding */
    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        items.forEach(t -> t.writeTo(out));
        return out.toByteArray();
    }

    static CardException malformed(String detail) {
        return CardException.protocol(CardError.MALFORMED_RESPONSE, detail);
    }
}
