package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.devices.DeviceException;
import cn.yibao.terminal.devices.PinPad;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a settlement's PIN comes from: the request's {@code card_pin} (an HIS that owns a PIN pad),
 * else the counter's own customer-facing PIN pad, asked while the HTTP call waits (up to the
 * timeout: {@code PIN_TIMEOUT} after it, nothing debited). The PIN never passes through the HIS and
 * is never logged. Without a pad, a settlement that needs the PIN and carries none is
 * {@code PIN_REQUIRED}.
 */
final class PinSource {

    private static final Logger LOG = LoggerFactory.getLogger(PinSource.class);
    /** How long the cardholder has to type the PIN by default. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final PinSource NONE = new PinSource(null, DEFAULT_TIMEOUT);

    private final PinPad pad;
    private final Duration timeout;

    PinSource(PinPad pad, Duration timeout) {
        this.pad = pad;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @return {@code given}, or the PIN typed on the pad for {@code amount}
     * @throws CounterRefusedException PIN_REQUIRED without a pad, PIN_TIMEOUT when nothing valid was
     *     typed in time (or the pad is gone)
     */
    synchronized Pin resolve(Pin given, Money amount) {
        if (given != null) {
            return given;
        }
        if (pad == null) {
            throw new CounterRefusedException(CounterRefusal.PIN_REQUIRED);
        }
        char[] typed;
        try {
            typed = pad.ask(amount, timeout).orElse(null);
        } catch (DeviceException e) {
            LOG.warn("PIN pad {} unavailable: {}", pad.name(), e.getMessage());
            typed = null;
        }
        if (typed == null) {
            LOG.info("no PIN typed on the PIN pad within {}", timeout);
            throw new CounterRefusedException(CounterRefusal.PIN_TIMEOUT);
        }
        try {
            return new Pin(typed);
        } finally {
            Arrays.fill(typed, '\0');
        }
    }
}
