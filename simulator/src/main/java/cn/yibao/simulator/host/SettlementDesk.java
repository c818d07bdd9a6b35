package cn.yibao.simulator.host;

import cn.yibao.card.CardException;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.session.IssuerHost;
import cn.yibao.card.session.PendingLoad;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.MalformedMessageException;
import cn.yibao.hostlink.msg.RefundLoad;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.Peer;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Settlement transactions of the host after the upload ({@link Ingest}): cancellation by
 * {@code setl_id} (2208/2103/2305) and technical reversal by {@code msgid} (2601), each under the
 * terminal's row lock. Cancellation and reversal are idempotent by the request's msgid: a retry
 * gets the stored answer. Answers are kept by (terminal, msgid): a msgid another terminal used
 * is another request, answered on its own.
 */
final class SettlementDesk {

    private final HostStore store;

    SettlementDesk(HostStore store) {
        this.store = store;
    }

    /**
     * Cancels a settlement by {@code setl_id}. With a {@code load} object ({@link RefundLoad}) it
     * also authorises the refund of the account share to the card: the amount must be the
     * settlement's account payment and the card the one that paid; the answer carries
     * {@code load_mac2}. The ledger counts the cancellation once; a retry (same msgid, or a new one
     * for the same setl_id) with a new load initialisation at the same online counter (the first
     * credit did not happen) gets a new MAC2 and changes nothing else.
     */
    Response cancel(Peer peer, Request req) {
        String setlId = req.input().path("setl_id").asText("");
        if (setlId.isEmpty() || setlId.length() > 60) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        RefundLoad load;
        try {
            load = req.input().hasNonNull("load") ? RefundLoad.fromJson(req.input().get("load")) : null;
        } catch (MalformedMessageException e) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object().put("detail", e.getMessage()));
        }
        return store.inTransaction(c -> {
            store.lockTerminal(c, peer.terminalId()); // one cancellation or reversal of a terminal at a time
            Response replay = answered(c, req, peer);
            if (replay != null) {
                Response again = load == null || !replay.ok() ? null : reauthorise(c, req, replay.output(), load);
                if (again == null) {
                    return replay;
                }
                Sql.update(c, "UPDATE answered SET response=? WHERE msgid=? AND terminal=?",
                        CanonicalJson.text(again.toJson()), req.msgid(), peer.terminalId());
                return again;
            }
            try (ResultSet rs = Sql.query(c, "SELECT seq, status, card_no, result, msgid FROM record"
                    + " WHERE setl_id=? AND terminal=?", setlId, peer.terminalId())) {
                if (!rs.next()) {
                    return Response.refused(req, LinkRefusal.SETTLEMENT_NOT_FOUND, Json.object());
                }
                if (!"OK".equals(rs.getString(2))) {
                    Response again = load == null || !"CANCELLED".equals(rs.getString(2)) ? null
                            : reauthorise(c, req, cancellationOf(c, peer, setlId), load);
                    return again != null ? remember(c, req, peer, setlId, again)
                            : Response.refused(req, LinkRefusal.ALREADY_CANCELLED, Json.object());
                }
                long seq = rs.getLong(1);
                String cardNo = rs.getString(3);
                String result = rs.getString(4);
                ObjectNode out = Json.object().put("setl_id", setlId).put("msgid", rs.getString(5));
                out.set("setlinfo", Json.parse(result));
                if (load != null) {
                    byte[] mac2 = authorise(load, cardNo, Amounts.of(result).acct());
                    if (mac2 == null) {
                        return Response.refused(req, LinkRefusal.LOAD_REFUSED, Json.object());
                    }
                    out.put(RefundLoad.MAC2_FIELD, HexFormat.of().withUpperCase().formatHex(mac2))
                            .put("load_online_seq", load.load().init().onlineSeq());
                }
                Sql.update(c, "UPDATE record SET status='CANCELLED' WHERE terminal=? AND seq=?", peer.terminalId(), seq);
                Ledger.post(c, cardNo, Amounts.of(result), -1);
                return remember(c, req, peer, setlId, Response.ok(req, out));
            }
        });
    }

    /**
     * A cancellation tried again with a new load initialisation: a new MAC2 if the card's online
     * counter is still the one of the load authorised before (that credit did not happen).
     *
     * @param first the output of the cancellation's first answer, or null
     * @return the new answer, or null if the load may not be authorised again
     */
    private static Response reauthorise(Connection c, Request req, ObjectNode first, RefundLoad load)
            throws SQLException {
        if (first == null || !first.has(RefundLoad.MAC2_FIELD)
                || first.path("load_online_seq").asInt(-1) != load.load().init().onlineSeq()) {
            return null;
        }
        try (ResultSet rs = Sql.query(c, "SELECT card_no, acct FROM record WHERE msgid=?", first.path("msgid").asText())) {
            byte[] mac2 = rs.next() ? authorise(load, rs.getString(1), rs.getLong(2)) : null;
            if (mac2 == null) {
                return null;
            }
            ObjectNode out = first.deepCopy().put(RefundLoad.MAC2_FIELD, HexFormat.of().withUpperCase().formatHex(mac2));
            return Response.ok(req, out);
        }
    }

    /** @return the output of the successful cancellation of {@code setlId} by this terminal, or null */
    private static ObjectNode cancellationOf(Connection c, Peer peer, String setlId) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT response FROM answered WHERE target=? AND terminal=? AND infno IN"
                + " ('2208','2103','2305') ORDER BY rowid", setlId, peer.terminalId())) {
            while (rs.next()) {
                Response r = Response.fromJson(Json.parse(rs.getString(1)));
                if (r.ok()) {
                    return r.output();
                }
            }
            return null;
        }
    }

    /** @return the issuer's MAC2 for the refund, or null if the card, the amount or MAC1 is wrong */
    private static byte[] authorise(RefundLoad load, String cardNo, long acctFen) {
        PendingLoad l = load.load();
        if (l.amount().fen() != acctFen || !HexFormat.of().withUpperCase().formatHex(l.appSerial()).equals(cardNo)) {
            return null;
        }
        try {
            return new IssuerHost(IssuerKeys.test(l.init().algorithm())).loadMac2(l, load.time());
        } catch (CardException e) {
            return null;
        }
    }

    Response reverse(Peer peer, Request req) {
        String omsgid = req.input().path("omsgid").asText("");
        String oinfno = req.input().path("oinfno").asText("");
        if (omsgid.isEmpty() || omsgid.length() > 40) {
            return Response.refused(req, LinkRefusal.BAD_INPUT, Json.object());
        }
        return store.inTransaction(c -> {
            store.lockTerminal(c, peer.terminalId()); // one cancellation or reversal of a terminal at a time
            Response replay = answered(c, req, peer);
            if (replay != null) {
                return replay;
            }
            return switch (oinfno) {
                case "2207", "8001" -> reverseSettlement(c, req, peer, omsgid);
                case "2208", "2103", "2305" -> reverseCancellation(c, req, peer, omsgid);
                default -> Response.refused(req, LinkRefusal.NOT_REVERSIBLE, Json.object());
            };
        });
    }

    private Response reverseSettlement(Connection c, Request req, Peer peer, String omsgid) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT seq, status, card_no, result FROM record WHERE msgid=? AND terminal=?",
                omsgid, peer.terminalId())) {
            if (!rs.next()) {
                return Response.refused(req, LinkRefusal.MESSAGE_NOT_FOUND, Json.object());
            }
            if (!"OK".equals(rs.getString(2))) {
                return Response.refused(req, LinkRefusal.ALREADY_CANCELLED, Json.object());
            }
            Sql.update(c, "UPDATE record SET status='REVERSED' WHERE terminal=? AND seq=?", peer.terminalId(), rs.getLong(1));
            Ledger.post(c, rs.getString(3), Amounts.of(rs.getString(4)), -1);
            return remember(c, req, peer, omsgid, Response.ok(req, Json.object().put("omsgid", omsgid)));
        }
    }

    private Response reverseCancellation(Connection c, Request req, Peer peer, String omsgid) throws SQLException {
        String setlId;
        try (ResultSet rs = Sql.query(c, "SELECT target FROM answered WHERE msgid=? AND terminal=? AND infno IN"
                + " ('2208','2103','2305')", omsgid, peer.terminalId())) {
            if (!rs.next()) {
                return Response.refused(req, LinkRefusal.MESSAGE_NOT_FOUND, Json.object());
            }
            setlId = rs.getString(1);
        }
        try (ResultSet rs = Sql.query(c, "SELECT seq, card_no, result FROM record WHERE setl_id=? AND terminal=?"
                + " AND status='CANCELLED'", setlId, peer.terminalId())) {
            if (!rs.next()) {
                return Response.refused(req, LinkRefusal.ALREADY_CANCELLED, Json.object());
            }
            Sql.update(c, "UPDATE record SET status='OK' WHERE terminal=? AND seq=?", peer.terminalId(), rs.getLong(1));
            Ledger.post(c, rs.getString(2), Amounts.of(rs.getString(3)), 1);
        }
        Sql.update(c, "UPDATE answered SET target='' WHERE msgid=? AND terminal=?", omsgid, peer.terminalId());
        return remember(c, req, peer, omsgid, Response.ok(req, Json.object().put("omsgid", omsgid)));
    }

    /** @return the stored answer to a request with this msgid from this terminal, or null */
    private static Response answered(Connection c, Request req, Peer peer) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT response FROM answered WHERE msgid=? AND terminal=?", req.msgid(),
                peer.terminalId())) {
            return rs.next() ? Response.fromJson(Json.parse(rs.getString(1))) : null;
        }
    }

    private static Response remember(Connection c, Request req, Peer peer, String target, Response r)
            throws SQLException {
        Sql.update(c, "INSERT INTO answered(msgid, terminal, infno, target, response) VALUES(?,?,?,?,?)", req.msgid(),
                peer.terminalId(), req.infno(), target, CanonicalJson.text(r.toJson()));
        return r;
    }
}
