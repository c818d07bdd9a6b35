package cn.yibao.terminal.http;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.JournalEntry;
import cn.yibao.terminal.counter.JournalQuery;
import cn.yibao.terminal.operator.Operator;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 交班: one operator's shift, from the journal — the settlements and cancellations they made since
 * the shift began, totals by who paid (funds, personal accounts, cash), and the cash expected in
 * the drawer (cash taken less cash handed back for cancellations). At most
 * {@value #MAX_ENTRIES} journal entries are read ({@code truncated} says when there were more).
 */
final class ShiftReport {

    static final int MAX_ENTRIES = 200;

    private ShiftReport() {
    }

    /** @return the report of {@code op}'s shift from {@code begin} to {@code end} (times of the counter's zone) */
    static Map<String, Object> of(CounterApi counter, Operator op, LocalDateTime begin, LocalDateTime end) {
        var entries = counter.searchJournal(new JournalQuery(null, null, null, begin.toLocalDate(), null, MAX_ENTRIES));
        long settled = 0;
        long cancelled = 0;
        Money medfee = Money.ZERO;
        Money fund = Money.ZERO;
        Money acct = Money.ZERO;
        Money cash = Money.ZERO;
        Money cashBack = Money.ZERO;
        for (JournalEntry e : entries) {
            if (!op.id().equals(e.opter()) || e.setlTime().isBefore(begin) || e.setlTime().isAfter(end)) {
                continue;
            }
            if ("REVERSAL".equals(e.state())) {
                cancelled++;
                cashBack = cashBack.minus(e.psnCashPay());
            } else {
                settled++;
            }
            medfee = medfee.plus(e.medfeeSumamt());
            fund = fund.plus(e.fundPaySumamt());
            acct = acct.plus(e.acctPay());
            cash = cash.plus(e.psnCashPay());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("opter_id", op.id());
        out.put("opter_name", op.name());
        out.put("begin_time", begin);
        out.put("end_time", end);
        out.put("setl_cnt", settled);
        out.put("cancel_cnt", cancelled);
        out.put("medfee_sumamt", medfee);
        out.put("fund_pay_sumamt", fund);
        out.put("acct_pay", acct);
        out.put("psn_cash_pay", cash.plus(cashBack));
        out.put("cash_refunded", cashBack);
        out.put("cash_expected", cash);
        out.put("truncated", entries.size() >= MAX_ENTRIES);
        return out;
    }
}
