package cn.yibao.terminal.counter.live;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.PinPad;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.policy.InstitutionLevel;
import cn.yibao.terminal.policy.PolicyPack;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Puts a {@link LiveCounter} together ({@link LiveCounter#builder}): what it needs, then what it may
 * have; the counter is complete when it is built.
 */
public final class LiveCounterBuilder {

    final CardAccess cards;
    final PolicyPack pack;
    final BundledCatalog catalog;
    final Journal journal;
    final RecordChain chain;
    final Clock clock;
    HostCalls host = HostCalls.OFFLINE;
    ReceiptDesk receipts;
    CustomerDisplay display;
    Consumer<Settlement> afterSettle = s -> { };
    InstitutionLevel level = InstitutionLevel.MUNICIPAL;
    PinSource pins = PinSource.NONE;

    LiveCounterBuilder(CardAccess cards, PolicyPack pack, BundledCatalog catalog, Journal journal, RecordChain chain,
            Clock clock) {
        this.cards = Objects.requireNonNull(cards, "cards");
        this.pack = Objects.requireNonNull(pack, "pack");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.chain = Objects.requireNonNull(chain, "chain");
        // every day and time the counter shows, counts or signs is in the business zone, whatever the clock's
        this.clock = BusinessZone.of(clock);
    }

    /**
     * The host for sync status, reconciliation, the refunds of cancellations, the reports of
     * listed cards and the forwarding of inventory messages; a {@link HostSwitch} when the link
     * comes and goes. Without it the counter is offline.
     */
    public LiveCounterBuilder host(HostCalls calls) {
        this.host = Objects.requireNonNull(calls, "calls");
        return this;
    }

    /** Prints each settlement's receipt at {@code desk} (after the commit) and reprints there on request. */
    public LiveCounterBuilder receiptDesk(ReceiptDesk desk) {
        this.receipts = Objects.requireNonNull(desk, "desk");
        return this;
    }

    /** Shows the cash due, the cash handed over and the change on {@code customerDisplay} (客显). */
    public LiveCounterBuilder customerDisplay(CustomerDisplay customerDisplay) {
        this.display = Objects.requireNonNull(customerDisplay, "customerDisplay");
        return this;
    }

    /**
     * Asks the cardholder for the PIN on {@code pad} when a settlement needs it and the request
     * carries none, waiting at most {@code timeout} ({@code PIN_TIMEOUT} after it, nothing debited).
     */
    public LiveCounterBuilder pinPad(PinPad pad, Duration timeout) {
        this.pins = new PinSource(Objects.requireNonNull(pad, "pad"), timeout);
        return this;
    }

    /**
     * What else happens after each settlement is committed (after the receipt, if any); it must
     * not throw and must not block the sale for long.
     */
    public LiveCounterBuilder afterSettle(Consumer<Settlement> action) {
        this.afterSettle = Objects.requireNonNull(action, "action");
        return this;
    }

    /**
     * The level this terminal's institution settles outpatient visits and stays as (default MUNICIPAL).
     *
     * @throws IllegalArgumentException for PHARMACY
     */
    public LiveCounterBuilder institutionLevel(InstitutionLevel institutionLevel) {
        this.level = VisitSettleFlow.hospitalLevel(institutionLevel);
        return this;
    }

    /** @return the counter (it opens the card lists next to the journal) */
    public LiveCounter build() {
        return new LiveCounter(this);
    }
}
