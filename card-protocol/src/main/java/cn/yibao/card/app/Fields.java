package cn.yibao.card.app;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/** Encoders and bounded decoders for the card's field formats (b4 amounts, cn dates, an, GBK). */
public final class Fields {

    /** The largest amount a 4-byte field holds, in fen. */
    public static final long MAX_AMOUNT_FEN = 0xFFFF_FFFFL;

    private static final Charset GBK = Charset.forName("GBK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private Fields() {
    }

    /**
     * @return the amount as 4 big-endian bytes
     * @throws CardException {@link CardError#AMOUNT_OUT_OF_RANGE} if negative or too large
     */
    public static byte[] amount(Money amount) {
        if (amount.isNegative() || amount.fen() > MAX_AMOUNT_FEN) {
            throw CardException.protocol(CardError.AMOUNT_OUT_OF_RANGE, amount.toYuanString());
        }
        return Bytes.be(amount.fen(), 4);
    }

    /** @return the amount in the 4 bytes at {@code off} */
    public static Money amount(byte[] bytes, int off) {
        return Money.ofFen(Bytes.be(bytes, off, 4));
    }

    /** @return the date as cn 4 (CCYYMMDD BCD) */
    public static byte[] date(LocalDate date) {
        return Bytes.bcd(date.format(DATE), 4);
    }

    /** @return the date in cn 4, or a MALFORMED_RESPONSE error */
    public static LocalDate date(byte[] bcd4) {
        try {
            return LocalDate.parse(Bytes.unbcd(Bytes.requireLength(bcd4, 4, "date")), DATE);
        } catch (DateTimeException e) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "bad date");
        }
    }

    /** @return date and time as cn 7 (CCYYMMDDhhmmss BCD) */
    public static byte[] dateTime(LocalDateTime time) {
        return Bytes.bcd(time.withNano(0).format(DATE_TIME), 7);
    }

    /** @return the date and time in cn 7, or a MALFORMED_RESPONSE error */
    public static LocalDateTime dateTime(byte[] bcd7) {
        try {
            return LocalDateTime.parse(Bytes.unbcd(Bytes.requireLength(bcd7, 7, "date-time")), DATE_TIME);
        } catch (DateTimeException e) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "bad date-time");
        }
    }

    /** @return ASCII text, right-padded with 00 to {@code width} (an format) */
    public static byte[] an(String text, int width) {
        byte[] raw = text.getBytes(StandardCharsets.US_ASCII);
        if (raw.length > width) {
            throw new IllegalArgumentException("text longer than " + width);
        }
        return java.util.Arrays.copyOf(raw, width);
    }

    /** @return the an text without its 00 padding; non-printable bytes are a MALFORMED_RESPONSE */
    public static String an(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            if (b == 0) {
                break;
            }
            if (b < 0x20 || b > 0x7E) {
                throw CardException.protocol(CardError.MALFORMED_RESPONSE, "non-printable character");
            }
            out.append((char) b);
        }
        return out.toString();
    }

    /** @return the name in GBK */
    public static byte[] gbk(String text) {
        return text.getBytes(GBK);
    }

    /** @return the GBK text without 00 padding; undecodable bytes are a MALFORMED_RESPONSE */
    public static String gbk(byte[] bytes) {
        int n = 0;
        while (n < bytes.length && bytes[n] != 0) {
            n++;
        }
        try {
            return GBK.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "name is not GBK");
        }
    }

    /** @return the single byte of a one-byte field */
    public static int u8(byte[] oneByte) {
        return Bytes.requireLength(oneByte, 1, "one-byte field")[0] & 0xFF;
    }

    /** @return a flag byte (00 or 01) */
    public static boolean flag(byte[] oneByte) {
        int v = u8(oneByte);
        if (v > 1) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "flag byte " + v);
        }
        return v == 1;
    }
}
