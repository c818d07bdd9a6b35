package cn.yibao.terminal.counter.demo;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Tender;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The demo's money: the settle step (the agreed account payment, the PIN, the debit, the journal),
 * the cash then due at the till, and the same-day cancellation that loads the account share back.
 * Not thread-safe: {@link DemoCounter} serialises access.
 */
final class DemoPayments {

    private final DemoJournal journal;
    private final DemoReader reader;
    private final Clock clock;
    /** The last settlement's cash share (null before the first). */
    private Money cashDue;

    DemoPayments(DemoJournal journal, DemoReader reader, Clock clock) {
        this.journal = journal;
        this.reader = reader;
        this.clock = clock;
    }

    /** @return the next settlement id: S, today's date, the journal's next sequence number */
    String nextSetlId() {
        return String.format("S%s%06d", today().toString().replace("-", ""), journal.nextSeq());
    }

    /** Checks the agreed account payment and the PIN, debits, and journals: the settle step. */
    Settlement settle(String infno, String msgid, DemoCard card, Settlement pre, Money agreedAcct, Pin pin,
            String setlId) {
        Money acct = pre.setlinfo().acctPay();
        if (agreedAcct != null && card.balance().compareTo(agreedAcct) < 0) {
            throw new CounterRefusedException(CounterRefusal.INSUFFICIENT_BALANCE);
        }
        if (agreedAcct != null && !agreedAcct.equals(acct)) {
            throw new CounterRefusedException(CounterRefusal.SPLIT_CHANGED);
        }
        if (!acct.isZero()) {
            card.verifyPin(pin);
        }
        card.debit(acct);
        String mdtrtId = pre.setlinfo().mdtrtId() != null ? pre.setlinfo().mdtrtId() : "Y" + setlId.substring(1);
        var info = pre.setlinfo().settledAs(setlId, mdtrtId, now(), card.balance());
        Settlement settled = new Settlement(info, pre.setldetail(), pre.detlcutinfo(), pre.explain());
        journal.append(infno, msgid, settled, "SETTLED");
        cashDue = settled.setlinfo().psnCashPay();
        return settled;
    }

    /** @return the change for {@code paid} against the last settlement's cash share */
    Tender tender(Money paid) {
        return Tender.of(cashDue, paid);
    }

    /** Cancels a settlement of today: its account share back on the card, a reversal journalled. */
    Settlement cancel(CancelRequest request, String msgid) {
        var replay = journal.replay(msgid);
        if (replay.isPresent()) {
            return replay.get();
        }
        JournalEntry entry = journal.entry(request.setlId())
                .filter(e -> e.psnNo().equals(request.psnNo()))
                .orElseThrow(() -> new CounterRefusedException(CounterRefusal.SETTLEMENT_NOT_FOUND));
        if (entry.state().equals("CANCELLED")) {
            throw new CounterRefusedException(CounterRefusal.ALREADY_CANCELLED);
        }
        if (!entry.setlTime().toLocalDate().equals(today())) {
            throw new CounterRefusedException(CounterRefusal.NOT_SAME_DAY);
        }
        Settlement original = journal.settlement(request.setlId()).orElseThrow();
        DemoCard card = reader.card(entry.psnNo());
        card.load(original.setlinfo().acctPay());
        Settlement reversal = original.reversed(now(), card.balance());
        journal.markCancelled(request.setlId());
        journal.append(cancelInfno(original.setlinfo().medType()), msgid, reversal, "REVERSAL");
        return reversal;
    }

    private static String cancelInfno(String medType) {
        return switch (medType) {
            case DemoSplit.MED_TYPE_INPATIENT -> "2305";
            case DemoSplit.MED_TYPE_PHARMACY -> "2103";
            default -> "2208";
        };
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
