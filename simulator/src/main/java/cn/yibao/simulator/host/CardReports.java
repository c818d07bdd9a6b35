package cn.yibao.simulator.host;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.simulator.supervision.CardRef;
import cn.yibao.simulator.supervision.CardSighting;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * 9121: a terminal reports that a lost or blacklisted card was presented at its counter. The host
 * records the sighting once per report id, with the terminal, the time, the card and what the
 * host's own list said about the card then (the evidence for use after a loss report, 盗刷).
 */
final class CardReports {

    private static final Pattern CARD_NO = Pattern.compile("[0-9A-Z]{1,32}");
    private static final List<String> STATUSES = List.of("LOST", "BLACKLISTED");
    private static final List<String> SOURCES = List.of("CARD", "LIST");

    private CardReports() {
    }

    static Response record(HostStore store, String terminal, Request req) {
        JsonNode in = req.input();
        String reportId;
        String cardNo;
        String status;
        String source;
        long seenAt;
        try {
            reportId = Json.text(in, "report_id", 40);
            cardNo = Json.text(in, "card_no", 32);
            status = Json.text(in, "status", 12);
            source = Json.text(in, "source", 4);
            seenAt = LocalDateTime.parse(Json.text(in, "seen_at", 19), Request.TIME).atZone(Request.ZONE)
                    .toInstant().toEpochMilli();
        } catch (MalformedMessageException | DateTimeParseException e) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        if (reportId.isEmpty() || !CARD_NO.matcher(cardNo).matches() || !STATUSES.contains(status)
                || !SOURCES.contains(source)) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        return store.inTransaction(c -> {
            long[] listed = new long[1];
            String hostStatus = listing(c, cardNo, listed);
            int added = Sql.update(c, "INSERT INTO card_sighting(report_id, terminal, card_no, status, source,"
                    + " seen_at, received_at, host_status, host_reported_at, fixmedins_code)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(terminal, report_id) DO NOTHING", reportId, terminal, cardNo, status, source, seenAt,
                    System.currentTimeMillis(), hostStatus, listed[0] == 0 ? null : listed[0], req.fixmedinsCode());
            ObjectNode out = Json.object().put("recorded", added == 1).put("card_status", hostStatus);
            return Response.ok(req, out);
        });
    }

    /** @return the card's status on the host's list ("" if not listed), its listing time in {@code at[0]} */
    private static String listing(Connection c, String cardNo, long[] at) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT status, reported_at FROM card_list WHERE card_no=?"
                + " ORDER BY version DESC LIMIT 1", cardNo)) {
            if (!rs.next() || "CLEARED".equals(rs.getString(1))) {
                return "";
            }
            at[0] = rs.getLong(2);
            return rs.getString(1);
        }
    }

    /** @return the sightings of a card, oldest first */
    static List<HostService.SightingReport> of(Connection c, String cardNo) throws SQLException {
        List<HostService.SightingReport> out = new ArrayList<>();
        try (ResultSet rs = Sql.query(c, "SELECT terminal, status, source, seen_at, host_status, host_reported_at"
                + " FROM card_sighting WHERE card_no=? ORDER BY seen_at, rowid", cardNo)) {
            while (rs.next()) {
                long listed = rs.getLong(6);
                out.add(new HostService.SightingReport(rs.getString(1), rs.getString(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4)), rs.getString(5), listed == 0 ? null : Instant.ofEpochMilli(listed)));
            }
        }
        return out;
    }

    /**
     * @return the sightings of {@code month} (by the time the card was presented, China time), for
     *         supervision; the institution is the one the reporting terminal named (its terminal id
     *         for reports stored before that was kept); a card number supervision cannot take is skipped
     */
    static List<CardSighting> month(Connection c, YearMonth month) throws SQLException {
        long from = HostMonth.startOf(month);
        long to = HostMonth.startOf(month.plusMonths(1));
        List<CardSighting> out = new ArrayList<>();
        try (ResultSet rs = Sql.query(c, "SELECT coalesce(fixmedins_code, terminal), card_no, status, source, seen_at,"
                + " host_reported_at FROM card_sighting WHERE seen_at>=? AND seen_at<? ORDER BY seen_at, rowid", from, to)) {
            while (rs.next()) {
                long listed = rs.getLong(6);
                try {
                    out.add(new CardSighting(rs.getString(1), CardRef.of(rs.getString(2)), rs.getString(3),
                            rs.getString(4), HostMonth.time(rs.getLong(5)), listed == 0 ? null : HostMonth.time(listed)));
                } catch (IllegalArgumentException e) {
                    // a card number outside supervision's form (9 to 20 characters): not reportable
                }
            }
        }
        return out;
    }
}
