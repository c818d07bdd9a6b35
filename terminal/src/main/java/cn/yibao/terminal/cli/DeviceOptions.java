package cn.yibao.terminal.cli;

import cn.yibao.terminal.counter.live.ReceiptDesk;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.JsscSerialLink;
import cn.yibao.terminal.devices.PaperWidth;
import cn.yibao.terminal.devices.PinPad;
import cn.yibao.terminal.devices.ReceiptPrinter;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The counter's serial devices: the receipt printer and the customer display. */
public final class DeviceOptions {

    /** How long the printer has to answer a status request before it counts as off. */
    private static final Duration PRINTER_STATUS_TIMEOUT = Duration.ofMillis(500);

    @Option(names = "--printer", paramLabel = "DEVICE", description = "Serial device of the ESC/POS receipt printer.")
    private String printer;

    @Option(names = "--paper", paramLabel = "MM", defaultValue = "58", description = "Paper width: 58 or 80 (default: ${DEFAULT-VALUE}).")
    private int paperMm;

    @Option(names = "--display", paramLabel = "DEVICE", description = "Serial device of the customer pole display.")
    private String display;

    @Option(names = "--pin-pad", paramLabel = "DEVICE", description = "Serial device of the customer-facing PIN pad:"
            + " a settlement that needs the PIN and carries no card_pin asks the cardholder there.")
    private String pinPad;

    @Option(names = "--pin-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long the cardholder has to type the PIN on the PIN pad (default: ${DEFAULT-VALUE}).")
    private int pinTimeoutSeconds;

    /** @return the PIN pad's device, if one was named */
    public Optional<String> pinPad() {
        return Optional.ofNullable(pinPad);
    }

    /** @return how long the cardholder has to type the PIN */
    public Duration pinTimeout() {
        if (pinTimeoutSeconds < 5 || pinTimeoutSeconds > 300) {
            throw new BadInputException("--pin-timeout must be 5 to 300 seconds");
        }
        return Duration.ofSeconds(pinTimeoutSeconds);
    }

    /** @return the paper width asked for */
    public PaperWidth paper() {
        return switch (paperMm) {
            case 58 -> PaperWidth.MM58;
            case 80 -> PaperWidth.MM80;
            default -> throw new BadInputException("--paper must be 58 or 80");
        };
    }

    /** @return the receipt printer, if one was named */
    public Optional<ReceiptPrinter> printer() {
        return printer == null ? Optional.empty()
                : Optional.of(new ReceiptPrinter(JsscSerialLink.open(printer, 115_200), paper(), PRINTER_STATUS_TIMEOUT));
    }

    /** @return the customer display's device, if one was named */
    public Optional<String> display() {
        return Optional.ofNullable(display);
    }

    /** The devices opened by {@link #attach}; closing them throws nothing. */
    public interface Attached extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Opens the devices named and puts them into {@code options}: the printer at the receipt desk
     * of pharmacy {@code pharmacyName} (its {@code counter.properties} setting), terminal
     * {@code terminalId}; the display; the PIN pad with its timeout.
     *
     * @return what closes them
     */
    public Attached attach(RuntimeOptions options, String pharmacyName, String terminalId) {
        Optional<ReceiptPrinter> receiptPrinter = printer();
        Optional<CustomerDisplay> poleDisplay = display().map(name -> new CustomerDisplay(JsscSerialLink.open(name, 9_600)));
        Duration timeout = pinTimeout();
        Optional<PinPad> pad = pinPad().map(name -> new PinPad(JsscSerialLink.open(name, 9_600)));
        receiptPrinter.ifPresent(p -> options.receiptDesk(new ReceiptDesk(p, pharmacyName, terminalId)));
        poleDisplay.ifPresent(options::customerDisplay);
        pad.ifPresent(p -> options.pinPad(p, timeout));
        return () -> {
            try {
                receiptPrinter.ifPresent(ReceiptPrinter::close);
            } finally {
                try {
                    poleDisplay.ifPresent(CustomerDisplay::close);
                } finally {
                    pad.ifPresent(PinPad::close);
                }
            }
        };
    }
}
