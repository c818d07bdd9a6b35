package cn.yibao.terminal.operator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter's operators: added, listed, disabled and given a new password by
 * {@code terminal operator …}; authenticated by the console's login and a supervisor's approval.
 * {@value #MAX_FAILURES} wrong passwords in a row lock the operator for {@link #LOCKOUT} (a right
 * password while locked is refused too); a right password resets the count, and so does a new one.
 * Passwords exist only as {@link PasswordHash} strings; neither they nor the hashes are logged.
 */
public final class Operators {

    private static final Logger LOG = LoggerFactory.getLogger(Operators.class);

    /** Wrong passwords in a row that lock an operator. */
    public static final int MAX_FAILURES = 5;
    /** How long a lock lasts. */
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    /** Shortest password accepted. */
    public static final int MIN_PASSWORD = 6;
    /** A hash no password matches, verified for an unknown id so that it takes as long as a known one. */
    private static final String DUMMY = PasswordHash.hash("unknown-operator".toCharArray());

    private final OperatorDb db;
    private final Clock clock;

    public Operators(OperatorDb db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Adds an operator. */
    public Operator add(String id, String name, Role role, char[] password) {
        Operator op = new Operator(id, name, role, false);
        String hash = PasswordHash.hash(checked(password));
        db.tx(c -> {
            if (find(c, id).isPresent()) {
                throw new OperatorRefusedException(OperatorRefusal.OPERATOR_EXISTS);
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO operator(id, name, role, hash) VALUES (?,?,?,?)")) {
                s.setString(1, id);
                s.setString(2, name);
                s.setString(3, role.name());
                s.setString(4, hash);
                s.executeUpdate();
            }
            return null;
        });
        LOG.info("operator {} added ({})", id, role.wire());
        return op;
    }

    /** @return every operator, by id */
    public List<Operator> list() {
        return db.tx(c -> {
            List<Operator> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, role, disabled FROM operator ORDER BY id");
                    ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(operator(rs));
                }
            }
            return out;
        });
    }

    /** @return the operator {@code id}, if there is one */
    public Optional<Operator> find(String id) {
        return db.tx(c -> find(c, id));
    }

    /** Disables (or enables again) {@code id}; a disabled operator's console sessions end. */
    public void disable(String id, boolean disabled) {
        update(id, "UPDATE operator SET disabled = ? WHERE id = ?", disabled ? 1 : 0);
        if (disabled) {
            db.tx(c -> {
                try (PreparedStatement s = c.prepareStatement("DELETE FROM console_session WHERE opter_id = ?")) {
                    s.setString(1, id);
                    return s.executeUpdate();
                }
            });
        }
        LOG.info("operator {} {}", id, disabled ? "disabled" : "enabled");
    }

    /** Sets a new password for {@code id} and lifts a lock. */
    public void passwd(String id, char[] password) {
        String hash = PasswordHash.hash(checked(password));
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE operator SET hash = ?, failures = 0, locked_until = 0 WHERE id = ?")) {
                s.setString(1, hash);
                s.setString(2, id);
                if (s.executeUpdate() == 0) {
                    throw new OperatorRefusedException(OperatorRefusal.OPERATOR_UNKNOWN);
                }
            }
            return null;
        });
        LOG.info("operator {}: password changed", id);
    }

    /**
     * @return the operator whose id and password these are
     * @throws OperatorRefusedException OPERATOR_LOGIN_FAILED (unknown id or wrong password, the same
     *     answer for both), OPERATOR_LOCKED, OPERATOR_DISABLED
     */
    public Operator authenticate(String id, char[] password) {
        if (id == null || password == null || id.length() > 20 || password.length > PasswordHash.MAX_PASSWORD_BYTES) {
            throw new OperatorRefusedException(OperatorRefusal.OPERATOR_LOGIN_FAILED);
        }
        long now = clock.millis();
        Stored s = db.tx(c -> stored(c, id)).orElse(null);
        if (s == null) {
            PasswordHash.verify(password, DUMMY);
            LOG.info("login refused: unknown operator id");
            throw new OperatorRefusedException(OperatorRefusal.OPERATOR_LOGIN_FAILED);
        }
        if (s.lockedUntil() > now) {
            LOG.info("login refused: operator {} locked", id);
            throw new OperatorRefusedException(OperatorRefusal.OPERATOR_LOCKED);
        }
        boolean right = PasswordHash.verify(password, s.hash());
        if (right && s.operator().disabled()) {
            throw new OperatorRefusedException(OperatorRefusal.OPERATOR_DISABLED);
        }
        int failures = right ? 0 : s.failures() + 1;
        long lockedUntil = failures >= MAX_FAILURES ? now + LOCKOUT.toMillis() : 0;
        update(id, "UPDATE operator SET failures = ?, locked_until = " + lockedUntil + " WHERE id = ?",
                failures >= MAX_FAILURES ? 0 : failures);
        if (!right) {
            LOG.info("login refused: operator {} wrong password ({} in a row)", id, failures);
            throw new OperatorRefusedException(lockedUntil > 0 ? OperatorRefusal.OPERATOR_LOCKED
                    : OperatorRefusal.OPERATOR_LOGIN_FAILED);
        }
        return s.operator();
    }

    private static char[] checked(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > PasswordHash.MAX_PASSWORD_BYTES) {
            throw new OperatorRefusedException(OperatorRefusal.PASSWORD_TOO_WEAK);
        }
        return password;
    }

    private void update(String id, String sql, int value) {
        db.tx(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(1, value);
                s.setString(2, id);
                if (s.executeUpdate() == 0) {
                    throw new OperatorRefusedException(OperatorRefusal.OPERATOR_UNKNOWN);
                }
            }
            return null;
        });
    }

    private record Stored(Operator operator, String hash, int failures, long lockedUntil) {
    }

    private static Optional<Stored> stored(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name, role, disabled, hash, failures, locked_until FROM operator WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(operator(rs), rs.getString(5), rs.getInt(6), rs.getLong(7)))
                        : Optional.empty();
            }
        }
    }

    private static Optional<Operator> find(Connection c, String id) throws SQLException {
        return stored(c, id).map(Stored::operator);
    }

    private static Operator operator(ResultSet rs) throws SQLException {
        return new Operator(rs.getString(1), rs.getString(2), Role.valueOf(rs.getString(3)), rs.getInt(4) != 0);
    }
}
