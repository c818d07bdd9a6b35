package cn.yibao.simulator.host;

import cn.yibao.card.Coded;
import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.simulator.supervision.CatalogClass;
import cn.yibao.simulator.supervision.InventoryMovement;
import cn.yibao.simulator.supervision.MovementType;
import cn.yibao.simulator.supervision.StockTake;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The pharmacies' inventory messages (进销存): 3501 stock counts (商品盘存) and 3502 stock changes
 * (商品库存变更; {@code inv_chg_type} is any {@link MovementType} code, so purchases 3503, purchase
 * returns 3504, sales 3505 and sale returns 3506 travel in it too). {@code invinfo} is one line, as
 * nationally, or a list of up to {@link #MAX_LINES} (this product's batch extension). Each line is
 * checked by the supervision record it becomes; one bad line refuses the message ({@code BAD_INPUT})
 * and stores nothing. A message is stored once per (terminal, {@code msgid}), so a retry is harmless.
 * Supervision reads them back per month ({@link #takes}, {@link #changes}).
 */
final class Inventory {

    /** Most lines in one message. */
    static final int MAX_LINES = 1_000;

    private Inventory() {
    }

    /** 3501: stock counts. */
    static Response take(HostStore store, String terminal, Request req) {
        List<StockTake> lines = new ArrayList<>();
        try {
            for (JsonNode n : lines(req)) {
                lines.add(new StockTake(req.fixmedinsCode(), Json.text(n, "med_list_codg", 50),
                        Json.text(n, "fixmedins_hilist_id", 50), LocalDate.parse(Json.text(n, "invdate", 10)),
                        count(n, "inv_cnt")));
            }
        } catch (MalformedMessageException | IllegalArgumentException | DateTimeParseException e) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object().put("reason", e.getMessage()));
        }
        return stored(store, terminal, req, lines, "INSERT INTO stock_take(terminal, msgid, line,"
                + " fixmedins_code, med_list_codg, fixmedins_hilist_id, invdate, inv_cnt) VALUES(?,?,?,?,?,?,?,?)"
                + " ON CONFLICT(terminal, msgid, line) DO NOTHING",
                t -> new Object[] {t.fixmedinsCode(), t.medListCodg(), t.fixmedinsHilistId(), t.invdate().toString(),
                    t.invCnt()});
    }

    /** 3502: stock changes (purchases, returns, sales, transfers, count differences, destruction). */
    static Response change(HostStore store, String terminal, Request req) {
        List<InventoryMovement> lines = new ArrayList<>();
        try {
            for (JsonNode n : lines(req)) {
                lines.add(new InventoryMovement(req.fixmedinsCode(), Json.text(n, "med_list_codg", 50),
                        Json.text(n, "fixmedins_hilist_id", 50), Json.text(n, "fixmedins_hilist_name", 200),
                        catalogClass(Json.text(n, "chrgitm_lv", 2)), type(Json.text(n, "inv_chg_type", 4)),
                        LocalDateTime.parse(Json.text(n, "inv_chg_time", 19), Request.TIME), count(n, "cnt"),
                        Json.yuan(n, "pric")));
            }
        } catch (MalformedMessageException | IllegalArgumentException | DateTimeParseException e) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object().put("reason", e.getMessage()));
        }
        return stored(store, terminal, req, lines, "INSERT INTO stock_change(terminal, msgid, line,"
                + " fixmedins_code, med_list_codg, fixmedins_hilist_id, fixmedins_hilist_name, class, inv_chg_type,"
                + " inv_chg_time, cnt, pric) VALUES(?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(terminal, msgid, line) DO NOTHING",
                m -> new Object[] {m.fixmedinsCode(), m.medListCodg(), m.fixmedinsHilistId(), m.fixmedinsHilistName(),
                    m.catalogClass().name(), m.type().code(), m.time().toString(), m.cnt(), m.pric().fen()});
    }

    /**
     * Stores the checked lines of one message in one transaction, keyed (terminal, msgid, line): a
     * message seen before stores nothing again.
     */
    private static <T> Response stored(HostStore store, String terminal, Request req, List<T> lines, String insert,
            Function<T, Object[]> columns) {
        return store.inTransaction(c -> {
            int stored = 0;
            for (int i = 0; i < lines.size(); i++) {
                Object[] values = columns.apply(lines.get(i));
                Object[] row = new Object[values.length + 3];
                row[0] = terminal;
                row[1] = req.msgid();
                row[2] = i;
                System.arraycopy(values, 0, row, 3, values.length);
                stored += Sql.update(c, insert, row);
            }
            return Response.ok(req, Json.object().put("lines", lines.size()).put("stored", stored));
        });
    }

    /** @return the stock counts of {@code month} (by count day), in arrival order */
    static List<StockTake> takes(Connection c, YearMonth month) throws SQLException {
        List<StockTake> out = new ArrayList<>();
        try (ResultSet rs = Sql.query(c, "SELECT fixmedins_code, med_list_codg, fixmedins_hilist_id, invdate, inv_cnt"
                + " FROM stock_take WHERE substr(invdate, 1, 7)=? ORDER BY rowid", month.toString())) {
            while (rs.next()) {
                out.add(new StockTake(rs.getString(1), rs.getString(2), rs.getString(3), LocalDate.parse(rs.getString(4)),
                        rs.getInt(5)));
            }
        }
        return out;
    }

    /** @return the stock changes up to the end of {@code month} (stock is a running sum), in arrival order */
    static List<InventoryMovement> changes(Connection c, YearMonth month) throws SQLException {
        List<InventoryMovement> out = new ArrayList<>();
        try (ResultSet rs = Sql.query(c, "SELECT fixmedins_code, med_list_codg, fixmedins_hilist_id,"
                + " fixmedins_hilist_name, class, inv_chg_type, inv_chg_time, cnt, pric FROM stock_change"
                + " WHERE substr(inv_chg_time, 1, 7)<=? ORDER BY rowid", month.toString())) {
            while (rs.next()) {
                out.add(new InventoryMovement(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        CatalogClass.valueOf(rs.getString(5)), type(rs.getString(6)),
                        LocalDateTime.parse(rs.getString(7)), rs.getInt(8), Money.ofFen(rs.getLong(9))));
            }
        }
        return out;
    }

    private static List<JsonNode> lines(Request req) {
        JsonNode info = req.input().get("invinfo");
        List<JsonNode> out = new ArrayList<>();
        if (info != null && info.isObject()) {
            out.add(info);
        } else if (info != null && info.isArray() && !info.isEmpty() && info.size() <= MAX_LINES) {
            info.forEach(out::add);
        } else {
            throw new MalformedMessageException("invinfo must be a line or a list of 1 to " + MAX_LINES);
        }
        for (JsonNode n : out) {
            if (!n.isObject()) {
                throw new MalformedMessageException("an invinfo line must be an object");
            }
        }
        return out;
    }

    private static int count(JsonNode n, String field) {
        long v = Json.integer(n, field);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new MalformedMessageException(field + " out of range");
        }
        return (int) v;
    }

    /** @return the class of a national {@code chrgitm_lv} code: 01 甲类, 02 乙类, 03 丙类, 09 non-medical */
    private static CatalogClass catalogClass(String chrgitmLv) {
        return switch (chrgitmLv) {
            case "01" -> CatalogClass.A;
            case "02" -> CatalogClass.B;
            case "03" -> CatalogClass.C;
            case "09" -> CatalogClass.N;
            default -> throw new MalformedMessageException("chrgitm_lv must be 01, 02, 03 or 09");
        };
    }

    private static MovementType type(String code) {
        return Coded.byCode(MovementType.class, code)
                .orElseThrow(() -> new MalformedMessageException("unknown inv_chg_type " + code));
    }
}
