package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Small JDBC helpers: prepared statements cached per connection (callers hold the store's
 * monitor, so one thread at a time uses them), positional parameters, one-value reads.
 */
final class Sql {

    private static final Map<Connection, Map<String, PreparedStatement>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Sql() {
    }

    /** @return the connection's cached statement for {@code sql}, parameters cleared; never close it */
    static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> byText = CACHE.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement p = byText.get(sql);
        if (p == null || p.isClosed()) {
            p = c.prepareStatement(sql);
            byText.put(sql, p);
        }
        p.clearParameters();
        return p;
    }

    static void bind(PreparedStatement p, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            p.setObject(i + 1, args[i]);
        }
    }

    /** @return a result set of a cached prepared query; close the result set, not the statement */
    static ResultSet query(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = prepare(c, sql);
        bind(p, args);
        return p.executeQuery();
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement p = prepare(c, sql);
        bind(p, args);
        return p.executeUpdate();
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
