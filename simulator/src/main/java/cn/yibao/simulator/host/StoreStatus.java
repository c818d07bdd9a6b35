package cn.yibao.simulator.host;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * What {@code simulator host status} prints of a host's store: each terminal with its backlog and
 * flag, the records held, the policy pack and card-list versions. It only reads.
 */
public final class StoreStatus {

    /** Prints the status of {@code db} to {@code out}, in one read transaction. */
    public static void print(HostStore db, PrintWriter out) {
        // backlog: what the terminal last reported of its journal (sign-in, heartbeat, upload) beyond what the host holds
        out.printf("%-20s %10s %10s %8s  %-20s %s%n", "terminal", "held seq", "journal", "backlog", "last seen", "flag");
        db.inTransaction(c -> {
            try (ResultSet rs = Sql.query(c, "SELECT id, high_seq, journal_head, flag, last_seen FROM terminal ORDER BY id")) {
                while (rs.next()) {
                    long held = rs.getLong(2);
                    long head = rs.getLong(3);
                    long seen = rs.getLong(5);
                    String lastSeen = rs.wasNull() || seen == 0 ? "never" : Instant.ofEpochMilli(seen).toString();
                    out.printf("%-20s %10d %10d %8d  %-20s %s%n", rs.getString(1), held, head, Math.max(0, head - held),
                            lastSeen, rs.getString(4) == null ? "" : rs.getString(4));
                }
            }
            out.println("records held: " + Sql.longValue(c, "SELECT count(*) FROM record", 0)
                    + ", policy pack: " + Registry.latestPack(c)
                    + ", card list version: " + Registry.cardListVersion(c)
                    + ", listed-card sightings (9121): " + Sql.longValue(c, "SELECT count(*) FROM card_sighting", 0));
            return null;
        });
    }

    private StoreStatus() {
    }
}
