package cn.yibao.terminal.operator;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;

/**
 * Each operator's open shift (交班): it begins at the operator's first login (or the close of the
 * previous shift) and runs until closed; closing starts the next one at once.
 */
public final class Shifts {

    private final OperatorDb db;

    public Shifts(OperatorDb db) {
        this.db = db;
    }

    /** @return when {@code opterId}'s open shift began, opening one at {@code now} if there is none */
    public Instant begin(String opterId, Instant now) {
        return db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT begin_ms FROM shift WHERE opter_id = ?")) {
                s.setString(1, opterId);
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        return Instant.ofEpochMilli(rs.getLong(1));
                    }
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO shift(opter_id, begin_ms) VALUES (?,?)")) {
                s.setString(1, opterId);
                s.setLong(2, now.toEpochMilli());
                s.executeUpdate();
            }
            return now;
        });
    }

    /** Closes {@code opterId}'s open shift at {@code end}: the next one begins then. */
    public void close(String opterId, Instant end) {
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO shift(opter_id, begin_ms) VALUES (?,?) ON CONFLICT(opter_id) DO UPDATE SET begin_ms = ?")) {
                s.setString(1, opterId);
                s.setLong(2, end.toEpochMilli());
                s.setLong(3, end.toEpochMilli());
                return s.executeUpdate();
            }
        });
    }
}
