package cn.yibao.terminal.counter.demo;

import cn.yibao.terminal.counter.DayTotals;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.SyncStatus;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The demo counter's journal: an in-memory list of settlements and cancellations with an
 * idempotency map by msgid, a simulated host acknowledgement and reconciliation. Not thread-safe:
 * {@link DemoCounter} serialises access.
 */
final class DemoJournal {

    private final List<JournalEntry> entries = new ArrayList<>();
    private final Map<String, Settlement> byMsgid = new HashMap<>();
    private final Map<String, Settlement> bySetlId = new HashMap<>();
    private long lastAckSeq;
    private LocalDateTime lastAckTime;
    private ReconciliationStatus lastReconciliation;

    Optional<Settlement> replay(String msgid) {
        return Optional.ofNullable(msgid == null ? null : byMsgid.get(msgid));
    }

    Optional<Settlement> settlement(String setlId) {
        return Optional.ofNullable(bySetlId.get(setlId));
    }

    Optional<JournalEntry> entry(String setlId) {
        return entries.stream().filter(e -> e.setlId().equals(setlId) && !e.state().equals("REVERSAL")).findFirst();
    }

    long nextSeq() {
        return entries.size() + 1L;
    }

    /** Appends a settlement (state SETTLED) or a reversal (state REVERSAL). */
    void append(String infno, String msgid, Settlement settlement, String state) {
        SetlInfo s = settlement.setlinfo();
        entries.add(new JournalEntry(nextSeq(), infno, msgid, s.setlId(), s.mdtrtId(), s.psnNo(), s.psnName(),
                s.setlTime(), s.medfeeSumamt(), s.fundPaySumamt(), s.acctPay(), s.psnCashPay(), state, false));
        if (msgid != null) {
            byMsgid.put(msgid, settlement);
        }
        if (state.equals("SETTLED")) {
            bySetlId.put(s.setlId(), settlement);
        }
    }

    void markCancelled(String setlId) {
        entries.replaceAll(e -> e.setlId().equals(setlId) && e.state().equals("SETTLED")
                ? e.with("CANCELLED", e.uploaded()) : e);
    }

    List<JournalEntry> search(JournalQuery q) {
        return entries.stream()
                .filter(e -> q.setlId() == null || q.setlId().isBlank() || e.setlId().equals(q.setlId()))
                .filter(e -> q.psnNo() == null || q.psnNo().isBlank() || e.psnNo().equals(q.psnNo()))
                .filter(e -> q.mdtrtId() == null || q.mdtrtId().isBlank() || q.mdtrtId().equals(e.mdtrtId()))
                .filter(e -> q.begndate() == null || !e.setlTime().toLocalDate().isBefore(q.begndate()))
                .filter(e -> q.enddate() == null || !e.setlTime().toLocalDate().isAfter(q.enddate()))
                .sorted(Comparator.comparingLong(JournalEntry::seq).reversed())
                .limit(q.limit())
                .toList();
    }

    SyncStatus sync() {
        long last = entries.size();
        return new SyncStatus(true, last, lastAckSeq, lastAckTime, last - lastAckSeq);
    }

    /** The simulated host acknowledges every record written so far. */
    void acknowledgeAll(LocalDateTime now) {
        lastAckSeq = entries.size();
        lastAckTime = lastAckSeq == 0 ? null : now;
        entries.replaceAll(e -> e.with(e.state(), true));
    }

    DayTotals totals(LocalDate day) {
        DayTotals.Tally tally = new DayTotals.Tally(day);
        for (JournalEntry e : entries) {
            if (e.setlTime().toLocalDate().equals(day)) {
                tally.add(e.state().equals("REVERSAL"), e.medfeeSumamt(), e.fundPaySumamt(), e.acctPay(), e.psnCashPay());
            }
        }
        return tally.totals();
    }

    /** The simulated host compares totals with the terminal's: they balance when all is acknowledged. */
    void reconcile(LocalDate day, LocalDateTime now) {
        DayTotals t = totals(day);
        boolean balanced = lastAckSeq == entries.size();
        lastReconciliation = new ReconciliationStatus(day, day, t.setlCnt(), t.medfeeSumamt(), t.fundPaySumamt(),
                t.acctPay(), balanced ? "0" : "2", balanced ? "对平" : "医药机构多（有未上传的交易）", now);
    }

    ReconciliationStatus reconciliation(LocalDate day) {
        if (lastReconciliation != null) {
            return lastReconciliation;
        }
        DayTotals t = totals(day);
        return new ReconciliationStatus(day, day, t.setlCnt(), t.medfeeSumamt(), t.fundPaySumamt(), t.acctPay(),
                null, "今日尚未对账", null);
    }
}
