package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The card list (lost with its report time, blacklisted, cleared; versioned) and the policy packs. */
public final class Registry {

    /** A card-list change. */
    record CardEntry(long version, String cardNo, String status, long reportedAt) {
    }

    /** Status values of the card list. */
    public static final List<String> STATUSES = List.of("LOST", "BLACKLISTED", "CLEARED");

    private Registry() {
    }

    /** Lists a card change; @return the new card-list version */
    static long report(Connection c, String cardNo, String status, long reportedAt) throws SQLException {
        add(c, cardNo, status, reportedAt);
        return cardListVersion(c);
    }

    /** Lists a card change (the version is the row's: read it once after many). */
    static void add(Connection c, String cardNo, String status, long reportedAt) throws SQLException {
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES);
        }
        Sql.update(c, "INSERT INTO card_list(card_no, status, reported_at) VALUES(?,?,?)", cardNo, status, reportedAt);
    }

    static long cardListVersion(Connection c) {
        return Sql.longValue(c, "SELECT max(version) FROM card_list", 0);
    }

    /** @return changes after {@code since}, oldest first, at most {@code max} */
    static List<CardEntry> changesSince(Connection c, long since, int max) throws SQLException {
        List<CardEntry> out = new ArrayList<>();
        try (ResultSet rs = Sql.query(c, "SELECT version, card_no, status, reported_at FROM card_list WHERE version>?"
                + " ORDER BY version LIMIT ?", since, max)) {
            while (rs.next()) {
                out.add(new CardEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
            }
        }
        return out;
    }

    /** @return the card's current status ("" when never listed or cleared) */
    static String statusOf(Connection c, String cardNo) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT status FROM card_list WHERE card_no=? ORDER BY version DESC LIMIT 1",
                cardNo)) {
            String s = rs.next() ? rs.getString(1) : "";
            return "CLEARED".equals(s) ? "" : s;
        }
    }

    static void publishPack(Connection c, String version, byte[] bytes) throws SQLException {
        Sql.update(c, "INSERT INTO policy_pack(version, bytes, published_at) VALUES(?,?,?)"
                + " ON CONFLICT(version) DO UPDATE SET bytes=excluded.bytes, published_at=excluded.published_at", version, bytes,
                System.currentTimeMillis());
    }

    /** @return the latest pack's version, or "" */
    static String latestPack(Connection c) throws SQLException {
        try (ResultSet rs = Sql.query(c, "SELECT version FROM policy_pack ORDER BY published_at DESC, version DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    static byte[] pack(Connection c, String version) {
        return Sql.bytes(c, "SELECT bytes FROM policy_pack WHERE version=?", version);
    }
}
