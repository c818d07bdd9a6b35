package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Tender;
import cn.yibao.terminal.devices.CustomerDisplay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter's cash side: what the customer must pay in cash (the split's {@code psn_cash_pay}),
 * shown on the customer display (客显) at pre-settlement and settlement, and the change for the cash
 * handed over (收款, then 找零). A missing or failing display never blocks anything.
 */
final class Till {

    private static final Logger LOG = LoggerFactory.getLogger(Till.class);

    private final CustomerDisplay display;
    private volatile Money cashDue;
    private volatile Settlement last;

    /** @param display the customer display, or null for none */
    Till(CustomerDisplay display) {
        this.display = display;
    }

    /** A pre-settlement: the cash it would take, on the display. */
    void quoted(Settlement pre) {
        show(CustomerDisplay.Lamp.TOTAL, pre.setlinfo().psnCashPay());
    }

    /** A settlement: its cash share is now due, on the display. */
    void settled(Settlement done) {
        cashDue = done.setlinfo().psnCashPay();
        last = done;
        show(CustomerDisplay.Lamp.TOTAL, cashDue);
    }

    /**
     * @return the change for {@code paid} against the last settlement's cash share, shown on the display
     * @throws cn.yibao.terminal.counter.CounterRefusedException NOTHING_TO_TENDER before any settlement,
     *     CASH_SHORT when too little
     */
    Tender tender(Money paid) {
        Tender t = Tender.of(cashDue, paid);
        show(CustomerDisplay.Lamp.PAID, t.paid());
        show(CustomerDisplay.Lamp.CHANGE, t.change());
        return t;
    }

    /** @return the last settlement (the one a tender is for), or null before any */
    Settlement last() {
        return last;
    }

    private void show(CustomerDisplay.Lamp lamp, Money amount) {
        CustomerDisplay d = display;
        if (d == null) {
            return;
        }
        try {
            d.show(lamp, amount).ifPresent(p -> LOG.warn("customer display: {}", p.message()));
        } catch (RuntimeException e) {
            LOG.warn("customer display: {}", e.toString());
        }
    }
}
