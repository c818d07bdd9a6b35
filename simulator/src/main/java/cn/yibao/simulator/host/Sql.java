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
 * Small JDBC helpers: positional parameters, one-value reads, and prepared statements kept for
 * the connections registered with {@link #cacheStatements} (SQLite's single connection, used by one
 * thread at a time under the store's monitor). A pooled PostgreSQL connection is not registered:
 * its statements are closed after use, and the driver keeps the server-side prepared statements
 * of the physical connection.
 */
final class Sql {

    private static final Map<Connection, Map<String, PreparedStatement>> CACHE =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Sql() {
    }

    /** Keeps the prepared statements of {@code c} for its life (one user at a time). */
    static void cacheStatements(Connection c) {
        CACHE.put(c, new HashMap<>());
    }

    private static boolean cached(Connection c) {
        return CACHE.containsKey(c);
    }

    /** @return the connection's cached statement for {@code sql}, parameters cleared; never close it */
    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        Map<String, PreparedStatement> byText = CACHE.get(c);
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
        if (cached(c)) {
            PreparedStatement p = prepare(c, sql);
            bind(p, args);
            return p.executeQuery();
        }
        PreparedStatement p = c.prepareStatement(sql);
        try {
            bind(p, args);
            p.closeOnCompletion();
            return p.executeQuery();
        } catch (SQLException e) {
            p.close();
            throw e;
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        if (cached(c)) {
            PreparedStatement p = prepare(c, sql);
            bind(p, args);
            return p.executeUpdate();
        }
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
