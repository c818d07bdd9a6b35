package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.StoreLocation;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What {@code bench-cluster} reads from the PostgreSQL server's statistics views about a drain. */
final class DatabaseCounters {

    private DatabaseCounters() {
    }

    /** @return the transactions committed in the database so far (its statistics lag by up to a second) */
    static long commits(StoreLocation db) throws SQLException {
        return counters(db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")[0];
    }

    /** @return the server's write-ahead log so far: {bytes, records, full-page images} */
    static long[] wal(StoreLocation db) throws SQLException {
        return counters(db, "SELECT wal_bytes, wal_records, wal_fpi FROM pg_stat_wal");
    }

    /** @return the columns of the one row {@code sql} reads from a statistics view (zeros when none) */
    static long[] counters(StoreLocation db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            long[] out = new long[rs.getMetaData().getColumnCount()];
            if (rs.next()) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getLong(i + 1);
                }
            }
            return out;
        }
    }

    /** Resets the database's statement statistics (pg_stat_statements). */
    static void resetStatements(StoreLocation db) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** Prints the statements that took the database's time since the reset, per record. */
    static void printStatements(PrintWriter out, StoreLocation db, long records) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT calls, total_exec_time, query FROM pg_stat_statements"
                     + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                     + " ORDER BY total_exec_time DESC LIMIT 8")) {
            out.println("  statements (pg_stat_statements: calls per record, execution time per record):");
            while (rs.next()) {
                String q = rs.getString(3).replaceAll("\\s+", " ");
                out.printf("    %6.3f  %6.1f us  %s%n", rs.getLong(1) / (double) records, rs.getDouble(2) * 1e3 / records,
                        q.substring(0, Math.min(q.length(), 90)));
            }
        }
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT avg(pg_column_size(r.*)), avg(octet_length(items)),"
                     + " avg(pg_column_size(items)), avg(octet_length(result)), avg(pg_column_size(result)) FROM record r")) {
            rs.next();
            out.printf("  a stored record: %.0f bytes (items %.0f bytes, stored in %.0f; result %.0f, stored in %.0f)%n",
                    rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
        }
    }
}
