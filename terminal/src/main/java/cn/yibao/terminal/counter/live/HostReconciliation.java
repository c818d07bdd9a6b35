package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnKind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Daily reconciliation with the host: 3201 with this terminal's totals for the day (the settlements
 * whose signed records started that day, Asia/Shanghai, as the host counts them); when the host
 * does not balance, 3202 with the detail, and the differing records are named in the result. An
 * answer is reused while the journal and the upload cursor stand still, for at most 30 seconds.
 */
final class HostReconciliation {

    /** Most settlements reconciled for one day (the host takes at most 5,000 details). */
    static final int MAX_DAY = 5_000;
    private static final Duration REUSE = Duration.ofSeconds(30);

    private final Journal journal;
    private final Clock clock;
    private final HostCalls host;
    private Cached last;

    HostReconciliation(Journal journal, Clock clock, HostCalls host) {
        this.journal = journal;
        this.clock = clock;
        this.host = host;
    }

    private record Cached(long head, long acked, Instant at, ReconciliationStatus status) {
    }

    private record Day(LocalDate date, List<JournalTxn> txns, long count, Money medfee, Money fund, Money acct) {
    }

    /** @return the reconciliation of today with the host; not reconciled when the host is unreachable */
    synchronized ReconciliationStatus today() {
        long head = journal.records().head().nextSeq() - 1;
        long acked = journal.uploads().ackedSeq();
        Instant now = clock.instant();
        if (last != null && last.head() == head && last.acked() == acked
                && Duration.between(last.at(), now).compareTo(REUSE) < 0) {
            return last.status();
        }
        Day day = day(LocalDate.ofInstant(now, Request.ZONE));
        if (!host.online()) {
            return status(day, null, "中心未连接，尚未对账", null);
        }
        try {
            Response totals = host.call(Infno.RECON_TOTALS, input(day));
            if (!totals.ok()) {
                // the cashier reads the host's Chinese message; its code and English stay in err_msg
                String why = totals.output() == null ? "" : totals.output().path("err_msg_zh").asText("");
                return status(day, null, "对账被中心拒绝：" + (why.isBlank() ? "请联系医保中心" : why), null);
            }
            String rslt = totals.output().path("stmt_rslt").asText();
            String dscr = totals.output().path("stmt_rslt_dscr").asText();
            if (!"0".equals(rslt)) {
                dscr = dscr + "；" + details(day);
            }
            ReconciliationStatus s = status(day, rslt, dscr, LocalDateTime.ofInstant(now, Request.ZONE));
            last = new Cached(head, acked, now, s);
            return s;
        } catch (HostUnavailableException e) {
            return status(day, null, "中心无应答，尚未对账", null);
        }
    }

    /** 3202: names the records that differ. */
    private String details(Day day) throws HostUnavailableException {
        ObjectNode in = input(day);
        ArrayNode rows = in.putArray("details");
        for (JournalTxn t : day.txns()) {
            SetlInfo s = ReplyCodec.read(t.reply().orElseThrow()).setlinfo();
            rows.addObject().put("msgid", t.msgid()).put("setl_id", s.setlId())
                    .put("medfee_sumamt", s.medfeeSumamt().toYuanString())
                    .put("fund_pay_sumamt", s.fundPaySumamt().toYuanString())
                    .put("acct_pay", s.acctPay().toYuanString());
        }
        Response r = host.call(Infno.RECON_DETAIL, in);
        if (!r.ok()) {
            return "明细对账被拒绝";
        }
        StringBuilder out = new StringBuilder("明细差异 " + r.output().path("rows").size() + " 笔");
        for (JsonNode row : r.output().path("rows")) {
            out.append(" ").append(row.path("msgid").asText()).append(switch (row.path("stmt_rslt").asText()) {
                case "1" -> "(中心有)";
                case "2" -> "(终端有)";
                default -> "(金额不符)";
            });
        }
        return out.toString();
    }

    private Day day(LocalDate date) {
        Instant from = date.atStartOfDay(Request.ZONE).toInstant();
        Instant to = date.plusDays(1).atStartOfDay(Request.ZONE).toInstant();
        List<JournalTxn> standing = standing(journal.queries().committedBetween(from, to, MAX_DAY));
        Money medfee = Money.ZERO;
        Money fund = Money.ZERO;
        Money acct = Money.ZERO;
        for (JournalTxn t : standing) {
            SetlInfo s = ReplyCodec.read(t.reply().orElseThrow()).setlinfo();
            medfee = medfee.plus(s.medfeeSumamt());
            fund = fund.plus(s.fundPaySumamt());
            acct = acct.plus(s.acctPay());
        }
        return new Day(date, standing, standing.size(), medfee, fund, acct);
    }

    /**
     * @return the day's settlements that stand, as the host counts them: sales and discharge
     *     settlements not cancelled the same day (an admission moves no money; a cancellation
     *     takes its settlement out)
     */
    private static List<JournalTxn> standing(List<JournalTxn> txns) {
        java.util.Set<String> cancelled = new java.util.HashSet<>();
        for (JournalTxn t : txns) {
            if (t.kind() == TxnKind.CANCEL) {
                cancelled.add(ReplyCodec.read(t.reply().orElseThrow()).setlinfo().setlId());
            }
        }
        List<JournalTxn> out = new java.util.ArrayList<>();
        for (JournalTxn t : txns) {
            if ((t.kind() == TxnKind.SALE || t.kind() == TxnKind.DISCHARGE)
                    && !cancelled.contains(ReplyCodec.read(t.reply().orElseThrow()).setlinfo().setlId())) {
                out.add(t);
            }
        }
        return out;
    }

    private static ObjectNode input(Day day) {
        return Json.object().put("stmt_begndate", day.date().toString()).put("stmt_enddate", day.date().toString())
                .put("fixmedins_setl_cnt", day.count()).put("medfee_sumamt", day.medfee().toYuanString())
                .put("fund_pay_sumamt", day.fund().toYuanString()).put("acct_pay", day.acct().toYuanString());
    }

    private static ReconciliationStatus status(Day day, String rslt, String dscr, LocalDateTime at) {
        String text = dscr.length() > 200 ? dscr.substring(0, 199) + "…" : dscr;
        return new ReconciliationStatus(day.date(), day.date(), day.count(), day.medfee(), day.fund(), day.acct(),
                rslt, text, at);
    }
}
