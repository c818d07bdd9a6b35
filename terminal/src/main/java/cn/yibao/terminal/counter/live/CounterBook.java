package cn.yibao.terminal.counter.live;

import cn.yibao.terminal.counter.DayTotals;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.SyncStatus;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.journal.TxnState;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The counter's book, read from the journal in the national vocabulary: the journal search (5203),
 * today's totals (net of cancellations) and how far the host has taken the signed records.
 */
final class CounterBook {

    private static final int DAY_SCAN = 10_000;

    private final Journal journal;
    private final CancelFlow cancellation;
    private final HostCalls host;
    private final Clock clock;

    CounterBook(Journal journal, CancelFlow cancellation, HostCalls host, Clock clock) {
        this.journal = journal;
        this.cancellation = cancellation;
        this.host = host;
        this.clock = clock;
    }

    /** 5203: the committed settlements and cancellations matching {@code query}, newest first. */
    List<JournalEntry> search(JournalQuery query) {
        long acked = journal.uploads().ackedSeq();
        List<JournalEntry> out = new ArrayList<>();
        for (Committed c : committed()) {
            SetlInfo s = c.info();
            if (out.size() < query.limit() && matches(query, s)) {
                Settlement reply = c.reply();
                out.add(new JournalEntry(c.txn().id(), infno(c.txn().kind(), s.medType()), c.txn().msgid(),
                        s.setlId(), s.mdtrtId(), s.psnNo(), s.psnName(), s.setlTime(), s.medfeeSumamt(),
                        s.fundPaySumamt(), s.acctPay(), s.psnCashPay(), entryState(c.txn().kind(), s.setlId()),
                        journal.records().seqOf(c.txn().id()).stream().anyMatch(seq -> seq <= acked),
                        reply.opter(), reply.opterName()));
            }
        }
        return out;
    }

    /** @return today's settlements and cancellations, net of the cancellations */
    DayTotals todayTotals() {
        LocalDate today = LocalDate.now(clock); // the business zone's day (LiveCounterBuilder)
        DayTotals.Tally tally = new DayTotals.Tally(today);
        for (Committed c : committed()) {
            SetlInfo s = c.info();
            if (s.setlTime().toLocalDate().equals(today)) {
                tally.add(c.txn().kind() == TxnKind.CANCEL, s.medfeeSumamt(), s.fundPaySumamt(), s.acctPay(),
                        s.psnCashPay());
            }
        }
        return tally.totals();
    }

    /** @return whether the host is reachable, the last signed record and how far the host acknowledged */
    SyncStatus syncStatus() {
        long last = journal.records().head().nextSeq() - 1;
        long acked = journal.uploads().ackedSeq();
        LocalDateTime ackedAt = journal.uploads().ackedAt()
                .map(t -> LocalDateTime.ofInstant(t, clock.getZone())).orElse(null);
        return new SyncStatus(host.online(), last, acked, ackedAt, last - acked);
    }

    /** @return the national code of the transaction that made a journal entry */
    private static String infno(TxnKind kind, String medType) {
        boolean pharmacy = PharmacyFlow.MED_TYPE_PHARMACY.equals(medType);
        return switch (kind) {
            case CANCEL -> pharmacy ? "2103" : medType.startsWith("2") ? "2305" : "2208";
            case DISCHARGE -> "2304";
            default -> pharmacy ? "2102" : "2207";
        };
    }

    private String entryState(TxnKind kind, String setlId) {
        if (kind == TxnKind.CANCEL) {
            return "REVERSAL";
        }
        return cancellation.cancelled(setlId) ? "CANCELLED" : "SETTLED";
    }

    /** A committed transaction with the split it answered. */
    private record Committed(JournalTxn txn, Settlement reply) {
        SetlInfo info() {
            return reply.setlinfo();
        }
    }

    /** @return the newest committed transactions, newest first */
    private List<Committed> committed() {
        List<Committed> out = new ArrayList<>();
        for (JournalTxn txn : journal.queries().recent(DAY_SCAN)) {
            if (txn.state() == TxnState.COMMITTED && txn.kind() != TxnKind.ADMIT) {
                out.add(new Committed(txn, ReplyCodec.read(txn.reply().orElseThrow())));
            }
        }
        return out;
    }

    private static boolean matches(JournalQuery q, SetlInfo s) {
        LocalDate day = s.setlTime().toLocalDate();
        return (q.setlId() == null || q.setlId().equals(s.setlId()))
                && (q.psnNo() == null || q.psnNo().equals(s.psnNo()))
                && (q.mdtrtId() == null || q.mdtrtId().equals(s.mdtrtId()))
                && (q.begndate() == null || !day.isBefore(q.begndate()))
                && (q.enddate() == null || !day.isAfter(q.enddate()));
    }
}
