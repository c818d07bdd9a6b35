package cn.yibao.terminal.devices;

import cn.yibao.card.Money;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * The customer-facing PIN pad (密码键盘) on a serial line: the terminal asks for the PIN with the
 * amount to show ({@code ESC P amount CR}, e.g. {@code ESC P 12.50 CR}: the pad shows 请输入密码 and
 * the amount); the pad answers the six digits the cardholder typed and {@code CR}, or {@code ESC CR}
 * when the cardholder cancelled. When no answer comes in time the terminal sends {@code ESC C}
 * (the pad clears its screen). The digits are never logged and live in a char array the caller
 * clears.
 */
public final class PinPad implements AutoCloseable {

    /** ESC: starts every command and a cancelled answer. */
    static final byte ESC = 0x1B;
    private static final byte CR = 0x0D;
    /** The most bytes an answer takes: six digits, a little slack for line noise, CR. */
    private static final int MAX_ANSWER = 16;

    private final SerialLink link;

    public PinPad(SerialLink link) {
        this.link = link;
    }

    /** @return the bytes that ask for the PIN showing {@code amount} */
    public static byte[] prompt(Money amount) {
        byte[] digits = amount.toYuanString().getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[digits.length + 3];
        out[0] = ESC;
        out[1] = 'P';
        System.arraycopy(digits, 0, out, 2, digits.length);
        out[out.length - 1] = CR;
        return out;
    }

    /** @return the bytes that clear the pad after a timeout */
    public static byte[] clear() {
        return new byte[] {ESC, 'C'};
    }

    /**
     * Asks the cardholder for the PIN, showing {@code amount}, and waits at most {@code timeout}.
     *
     * @return the six digits typed, or empty when the cardholder cancelled, typed something else or
     *         did not answer in time (the pad is then cleared)
     * @throws DeviceException if the port is gone
     */
    public Optional<char[]> ask(Money amount, Duration timeout) {
        while (link.read(64, Duration.ZERO).length > 0) {
            // drop keys typed before the question
        }
        link.write(prompt(amount));
        Instant deadline = Instant.now().plus(timeout);
        ByteArrayOutputStream answer = new ByteArrayOutputStream(MAX_ANSWER);
        while (true) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero() || answer.size() > MAX_ANSWER) {
                link.write(clear());
                return Optional.empty();
            }
            for (byte b : link.read(MAX_ANSWER, left)) {
                if (b == CR) {
                    return digits(answer.toByteArray());
                }
                answer.write(b);
            }
        }
    }

    private static Optional<char[]> digits(byte[] answer) {
        try {
            if (answer.length != 6) {
                return Optional.empty();
            }
            char[] pin = new char[6];
            for (int i = 0; i < 6; i++) {
                if (answer[i] < '0' || answer[i] > '9') {
                    Arrays.fill(pin, '\0');
                    return Optional.empty();
                }
                pin[i] = (char) answer[i];
            }
            return Optional.of(pin);
        } finally {
            Arrays.fill(answer, (byte) 0);
        }
    }

    /** @return the serial line's name, for logs */
    public String name() {
        return link.name();
    }

    @Override
    public void close() {
        link.close();
    }
}
