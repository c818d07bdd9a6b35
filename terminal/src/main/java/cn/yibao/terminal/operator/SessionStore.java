package cn.yibao.terminal.operator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The console's sessions and used login links, kept in the operator file so that a restart of the
 * terminal logs nobody out within a session's lifetime and a used link stays used until it
 * expires. A session is kept as the SHA-256 of its cookie value only: the file never holds a value
 * that would open a session. Beyond {@code maxSessions}, the oldest session is ended.
 */
public final class SessionStore {

    private final OperatorDb db;
    private final int maxSessions;

    public SessionStore(OperatorDb db, int maxSessions) {
        this.db = db;
        this.maxSessions = maxSessions;
    }

    /** Keeps session {@code cookie} of operator {@code opterId} until {@code expires}, ending the oldest beyond the bound. */
    public void open(String cookie, String opterId, Instant now, Instant expires) {
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE expires <= ?")) {
                s.setLong(1, now.toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("""
                    DELETE FROM console_session WHERE hash IN (SELECT hash FROM console_session
                      ORDER BY created, rowid LIMIT max(0, (SELECT count(*) FROM console_session) - ?))""")) {
                s.setInt(1, maxSessions - 1);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO console_session(hash, opter_id, created, expires) VALUES (?,?,?,?)")) {
                s.setString(1, hash(cookie));
                s.setString(2, opterId);
                s.setLong(3, now.toEpochMilli());
                s.setLong(4, expires.toEpochMilli());
                s.executeUpdate();
            }
            return null;
        });
    }

    /** @return the operator id of session {@code cookie}, if it is open and unexpired at {@code now} */
    public Optional<String> operatorOf(String cookie, Instant now) {
        if (cookie == null || cookie.length() > 64) {
            return Optional.empty();
        }
        return db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT opter_id FROM console_session WHERE hash = ? AND expires > ?")) {
                s.setString(1, hash(cookie));
                s.setLong(2, now.toEpochMilli());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Ends session {@code cookie}. */
    public void close(String cookie) {
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE hash = ?")) {
                s.setString(1, hash(cookie));
                return s.executeUpdate();
            }
        });
    }

    /** @return open sessions (for tests and monitoring) */
    public int count() {
        return db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM console_session");
                    ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /**
     * Redeems a login link's nonce: true the first time only. Nonces are forgotten once expired;
     * with {@code maxTickets} remembered, further links are refused rather than a used one forgotten.
     */
    public boolean redeem(String nonce, Instant expiry, Instant now, int maxTickets) {
        return db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM used_ticket WHERE expires <= ?")) {
                s.setLong(1, now.toEpochMilli());
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM used_ticket");
                    ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getInt(1) >= maxTickets) {
                    return false;
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO used_ticket(nonce, expires) VALUES (?,?)")) {
                s.setString(1, hash(nonce));
                s.setLong(2, expiry.toEpochMilli());
                return s.executeUpdate() == 1;
            }
        });
    }

    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
