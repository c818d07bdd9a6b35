package cn.yibao.terminal.counter.live;

import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.PinPad;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CounterRuntime#open} makes the counter with besides its data directory: the policy
 * pack, the receipt desk and the customer display, and the switch the runtime puts its host link
 * in. By default: the Changchun 2010 pack, no printer, no display, a switch of the runtime's own.
 */
public final class RuntimeOptions {

    private PolicyPack pack = PolicyPacks.changchun2010();
    private ReceiptDesk receipts;
    private CustomerDisplay display;
    private PinPad pinPad;
    private Duration pinTimeout = PinSource.DEFAULT_TIMEOUT;
    private HostSwitch host;

    private RuntimeOptions() {
    }

    /** @return the defaults, to be changed by the methods below */
    public static RuntimeOptions defaults() {
        return new RuntimeOptions();
    }

    /** Settles with {@code policyPack} (benchmarks, tests). */
    public RuntimeOptions pack(PolicyPack policyPack) {
        this.pack = Objects.requireNonNull(policyPack, "policyPack");
        return this;
    }

    /** Prints each settlement's receipt at {@code desk}. */
    public RuntimeOptions receiptDesk(ReceiptDesk desk) {
        this.receipts = Objects.requireNonNull(desk, "desk");
        return this;
    }

    /** Asks the cardholder for the PIN on {@code pad}, waiting at most {@code timeout}. */
    public RuntimeOptions pinPad(PinPad pad, Duration timeout) {
        this.pinPad = Objects.requireNonNull(pad, "pad");
        this.pinTimeout = Objects.requireNonNull(timeout, "timeout");
        return this;
    }

    void wirePinPad(LiveCounterBuilder builder) {
        if (pinPad != null) {
            builder.pinPad(pinPad, pinTimeout);
        }
    }

    /** Shows the cash due and the change on {@code customerDisplay}. */
    public RuntimeOptions customerDisplay(CustomerDisplay customerDisplay) {
        this.display = Objects.requireNonNull(customerDisplay, "customerDisplay");
        return this;
    }

    /**
     * The switch the counter's host calls go through: the runtime switches it to its host link and
     * back to offline; a test may switch it to an in-process host.
     */
    public RuntimeOptions host(HostSwitch hostSwitch) {
        this.host = Objects.requireNonNull(hostSwitch, "hostSwitch");
        return this;
    }

    PolicyPack pack() {
        return pack;
    }

    Optional<ReceiptDesk> receiptDesk() {
        return Optional.ofNullable(receipts);
    }

    Optional<CustomerDisplay> customerDisplay() {
        return Optional.ofNullable(display);
    }

    /** @return the switch given, or a new one (offline) */
    HostSwitch hostSwitch() {
        return host != null ? host : new HostSwitch();
    }
}
