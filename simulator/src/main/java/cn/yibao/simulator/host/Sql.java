package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers: bind positional parameters, read one value. */
final class Sql {

    private Sql() {
    }

    static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    /** @return a result set of a prepared query; closing the result set closes its statement */
    static ResultSet query(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = c.prepareStatement(sql);
        bind(p, args);
        p.closeOnCompletion();
        return p.executeQuery();
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            bind(p, args);
            return p.executeUpdate();
        }
    }

    static long longValue(Connection c, String sql, long dflt, Object... args) {
        try (ResultSet rs = query(c, sql, args)) {
            return rs.next() && rs.getObject(1) != null ? rs.getLong(1) : dflt;
        } catch (SQLException e) {
            throw new HostStore.StoreException(e);
        }
    }

    static byte[] bytes(Connection c, String sql, Object... args) {
        try (ResultSet rs = query(c, sql, args)) {
            return rs.next() ? rs.getBytes(1) : null;
        } catch (SQLException e) {
            throw new HostStore.StoreException(e);
        }
    }
}
