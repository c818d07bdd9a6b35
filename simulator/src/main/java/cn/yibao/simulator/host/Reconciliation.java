package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Daily reconciliation of one terminal's settlements (status OK, settlement time within the
 * dates, Asia/Shanghai): 3201 by totals, {@code stmt_rslt} 0 balanced, 1 host has more,
 * 2 terminal has more, 3 same count but different amounts; 3202 by detail, naming each
 * differing record with its own {@code stmt_rslt}.
 */
final class Reconciliation {

    /** Most detail rows accepted in one 3202. */
    static final int MAX_DETAILS = 5000;

    private final HostStore store;

    Reconciliation(HostStore store) {
        this.store = store;
    }

    private record Row(String setlId, Amounts amounts) {
    }

    Response totals(Peer peer, Request req) {
        JsonNode in = req.input();
        long[] range;
        Amounts theirs;
        long theirCount;
        try {
            range = range(in);
            theirs = Amounts.ofInput(in);
            theirCount = Json.integer(in, "fixmedins_setl_cnt");
        } catch (RuntimeException e) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        Map<String, Row> ours = store.inTransaction(c -> rows(c, peer.terminalId(), range));
        Amounts sum = ours.values().stream().map(Row::amounts).reduce(Amounts.ZERO, Amounts::plus);
        int rslt;
        if (ours.size() == theirCount && sum.sameAs(theirs)) {
            rslt = 0;
        } else if (ours.size() > theirCount) {
            rslt = 1;
        } else if (ours.size() < theirCount) {
            rslt = 2;
        } else {
            rslt = 3;
        }
        ObjectNode out = Json.object().put("setl_optins", req.fixmedinsCode()).put("stmt_rslt", String.valueOf(rslt))
                .put("stmt_rslt_dscr", describe(rslt));
        out.set("host", totalsNode(sum, ours.size()));
        return Response.ok(req, out);
    }

    Response detail(Peer peer, Request req) {
        JsonNode in = req.input();
        JsonNode details = in.get("details");
        long[] range;
        try {
            range = range(in);
        } catch (RuntimeException e) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        if (details == null || !details.isArray() || details.size() > MAX_DETAILS) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        Map<String, Row> ours = store.inTransaction(c -> rows(c, peer.terminalId(), range));
        ArrayNode diffs = Json.object().arrayNode();
        for (JsonNode d : details) {
            String msgid = d.path("msgid").asText("");
            Row mine = ours.remove(msgid);
            Amounts theirs;
            try {
                theirs = Amounts.ofInput(d);
            } catch (RuntimeException e) {
                return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object().put("msgid", msgid));
            }
            if (mine == null) {
                diffs.add(diff(msgid, d.path("setl_id").asText(""), 2, "terminal has it, host does not"));
            } else if (!mine.amounts().sameAs(theirs)) {
                diffs.add(diff(msgid, mine.setlId(), 3, "amounts differ: host " + mine.amounts().medfee() + " fen"));
            }
        }
        ours.forEach((msgid, row) -> diffs.add(diff(msgid, row.setlId(), 1, "host has it, terminal does not")));
        ObjectNode out = Json.object().put("stmt_rslt", diffs.isEmpty() ? "0" : "3")
                .put("stmt_rslt_dscr", describe(diffs.isEmpty() ? 0 : 3));
        out.set("rows", diffs);
        return Response.ok(req, out);
    }

    private static ObjectNode diff(String msgid, String setlId, int rslt, String memo) {
        return Json.object().put("msgid", msgid).put("setl_id", setlId).put("stmt_rslt", String.valueOf(rslt))
                .put("memo", memo);
    }

    private static ObjectNode totalsNode(Amounts a, int count) {
        return Json.object().put("medfee_sumamt", cn.yibao.card.Money.ofFen(a.medfee()).toYuanString())
                .put("fund_pay_sumamt", cn.yibao.card.Money.ofFen(a.fund()).toYuanString())
                .put("acct_pay", cn.yibao.card.Money.ofFen(a.acct()).toYuanString())
                .put("fixmedins_setl_cnt", count);
    }

    private static String describe(int rslt) {
        return switch (rslt) {
            case 0 -> "对平";
            case 1 -> "中心多";
            case 2 -> "医药机构多";
            default -> "数据不一致";
        };
    }

    /** @return [start, end) in epoch milliseconds of the input's date range */
    private static long[] range(JsonNode in) {
        try {
            LocalDate b = LocalDate.parse(Json.text(in, "stmt_begndate", 10));
            LocalDate e = LocalDate.parse(Json.text(in, "stmt_enddate", 10));
            if (e.isBefore(b)) {
                throw new IllegalArgumentException("end before begin");
            }
            return new long[] {b.atStartOfDay(Request.ZONE).toInstant().toEpochMilli(),
                e.plusDays(1).atStartOfDay(Request.ZONE).toInstant().toEpochMilli()};
        } catch (DateTimeParseException ex) {
            throw new IllegalArgumentException("bad date", ex);
        }
    }

    private static Map<String, Row> rows(Connection c, String terminal, long[] range) throws SQLException {
        Map<String, Row> out = new LinkedHashMap<>();
        try (ResultSet rs = Sql.query(c, "SELECT msgid, setl_id, medfee, fund, acct, cash FROM record WHERE terminal=?"
                + " AND status='OK' AND time>=? AND time<? ORDER BY seq", terminal, range[0], range[1])) {
            while (rs.next()) {
                out.put(rs.getString(1), new Row(rs.getString(2),
                        new Amounts(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))));
            }
        }
        return out;
    }
}
