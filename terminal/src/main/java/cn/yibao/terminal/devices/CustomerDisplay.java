package cn.yibao.terminal.devices;

import cn.yibao.card.Money;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The customer pole display (客显) found at Chinese tills: an 8-digit LED with the lamps 单价, 总计,
 * 收款 and 找零, driven by {@code ESC s n} (lamp) and {@code ESC Q A digits CR} (number). Writes
 * never wait for an answer, so a missing display never blocks a sale.
 */
public final class CustomerDisplay implements AutoCloseable {

    /** Which lamp is lit next to the number. */
    public enum Lamp {
        /** 单价: price of the item just scanned. */
        PRICE(1),
        /** 总计: amount due. */
        TOTAL(2),
        /** 收款: amount paid. */
        PAID(3),
        /** 找零: change. */
        CHANGE(4);

        private final int code;

        Lamp(int code) {
            this.code = code;
        }

        /** @return the {@code n} of {@code ESC s n} */
        public int code() {
            return code;
        }

        /** @return the lamp for {@code ESC s n}, if {@code n} is one */
        public static Optional<Lamp> of(int code) {
            for (Lamp lamp : values()) {
                if (lamp.code == code) {
                    return Optional.of(lamp);
                }
            }
            return Optional.empty();
        }
    }

    /** The display has 8 digit positions; the decimal point does not take one. */
    public static final int DIGITS = 8;

    private final SerialLink link;

    public CustomerDisplay(SerialLink link) {
        this.link = link;
    }

    /** Shows {@code amount} with {@code lamp} lit; a negative or too-long amount is refused. */
    public Optional<DeviceProblem> show(Lamp lamp, Money amount) {
        try {
            link.write(encode(lamp, amount));
            return Optional.empty();
        } catch (DeviceException e) {
            return Optional.of(DeviceProblem.DISPLAY_UNAVAILABLE);
        }
    }

    /** @return the bytes that show {@code amount} with {@code lamp} lit */
    public static byte[] encode(Lamp lamp, Money amount) {
        String digits = amount.toYuanString();
        if (amount.isNegative() || digits.length() - 1 > DIGITS) {
            throw new IllegalArgumentException("the display cannot show " + digits);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16);
        out.writeBytes(new byte[] {EscPos.ESC, 'Q', 'A'});
        out.writeBytes(digits.getBytes(StandardCharsets.US_ASCII));
        out.write(0x0D);
        out.writeBytes(new byte[] {EscPos.ESC, 's', (byte) ('0' + lamp.code())});
        return out.toByteArray();
    }

    @Override
    public void close() {
        link.close();
    }
}
