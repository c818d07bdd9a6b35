package cn.yibao.simulator.host;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A host store's schema as comparable facts, read from the store's own catalog: one entry a
 * table, a column (its type family, nullability and place in the primary key), a table's primary
 * key, a unique constraint and a named index (unique or not, its columns in order). Flyway's
 * history table and SQLite's own tables are left out.
 *
 * <p>Normalised, because the two stores say the same thing differently: a type is reported by its
 * family ({@code integer}: INTEGER, BIGINT; {@code text}; {@code binary}: BLOB, BYTEA); a column of
 * the primary key is NOT NULL (PostgreSQL makes it so; SQLite lets a NULL into a primary key that
 * is not an INTEGER PRIMARY KEY, and the host never writes one); a unique constraint is named by
 * its columns, since each store names its index itself; and PostgreSQL's identity column
 * {@code rowid} of the arrival-ordered tables is SQLite's implicit row id, which every SQLite table
 * has, so it is not listed.
 */
final class SchemaFacts {

    private static final String HISTORY = Migrations.HISTORY;

    private SchemaFacts() {
    }

    /** @return the facts of the SQLite store on {@code c} */
    static Map<String, String> sqlite(Connection c) throws SQLException {
        Map<String, String> facts = new TreeMap<>();
        for (String table : strings(c, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> '" + HISTORY + "'")) {
            facts.put(table, "table");
            TreeMap<Integer, String> pk = new TreeMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
                while (rs.next()) {
                    int inPk = rs.getInt("pk");
                    if (inPk > 0) {
                        pk.put(inPk, rs.getString("name"));
                    }
                    facts.put(table + "." + rs.getString("name"),
                            column(rs.getString("type"), rs.getInt("notnull") == 1 || inPk > 0, inPk));
                }
            }
            facts.put(table + " primary key", "(" + String.join(", ", pk.values()) + ")");
            List<String[]> indexes = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA index_list(" + table + ")")) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString("name"), rs.getString("origin"), rs.getString("unique")});
                }
            }
            for (String[] ix : indexes) {
                String columns = "(" + String.join(", ", strings(c, "SELECT name FROM pragma_index_info('" + ix[0]
                        + "') ORDER BY seqno")) + ")";
                switch (ix[1]) {
                    case "pk" -> { } // the primary key, above
                    case "u" -> facts.put(table + " unique " + columns, "constraint");
                    default -> facts.put(table + " index " + ix[0], index("1".equals(ix[2]), columns));
                }
            }
        }
        return facts;
    }

    /** @return the facts of the PostgreSQL store on {@code c} (its current schema) */
    static Map<String, String> postgresql(Connection c) throws SQLException {
        Map<String, String> facts = new TreeMap<>();
        for (String table : strings(c, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' AND table_name <> '" + HISTORY + "'")) {
            facts.put(table, "table");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT c.table_name, c.column_name, c.data_type, c.is_nullable,"
                + " (SELECT k.ordinal_position FROM information_schema.table_constraints t"
                + "  JOIN information_schema.key_column_usage k ON k.constraint_name = t.constraint_name"
                + "   AND k.table_schema = t.table_schema AND k.table_name = t.table_name"
                + "  WHERE t.constraint_type = 'PRIMARY KEY' AND t.table_schema = c.table_schema"
                + "   AND t.table_name = c.table_name AND k.column_name = c.column_name) AS in_pk"
                + " FROM information_schema.columns c JOIN information_schema.tables b ON b.table_schema = c.table_schema"
                + "  AND b.table_name = c.table_name AND b.table_type = 'BASE TABLE'"
                + " WHERE c.table_schema = current_schema() AND c.table_name <> ?"
                + " AND NOT (c.column_name = 'rowid' AND c.is_identity = 'YES')");
             ResultSet rs = query(ps, HISTORY)) {
            Map<String, TreeMap<Integer, String>> pks = new TreeMap<>();
            while (rs.next()) {
                String table = rs.getString(1);
                int inPk = rs.getInt(5);
                if (inPk > 0) {
                    pks.computeIfAbsent(table, t -> new TreeMap<>()).put(inPk, rs.getString(2));
                }
                pks.computeIfAbsent(table, t -> new TreeMap<>());
                facts.put(table + "." + rs.getString(2), column(rs.getString(3), "NO".equals(rs.getString(4)), inPk));
            }
            pks.forEach((table, pk) -> facts.put(table + " primary key", "(" + String.join(", ", pk.values()) + ")"));
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT t.relname, i.relname, ix.indisunique, ix.indisprimary,"
                + " (SELECT con.contype FROM pg_constraint con WHERE con.conindid = ix.indexrelid AND con.contype = 'u'),"
                + " (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(ix.indkey::int2[]) WITH ORDINALITY"
                + "   AS k(attnum, ord) JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum)"
                + " FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid"
                + " JOIN pg_namespace n ON n.oid = t.relnamespace WHERE n.nspname = current_schema() AND t.relname <> ?");
             ResultSet rs = query(ps, HISTORY)) {
            while (rs.next()) {
                String table = rs.getString(1);
                String columns = "(" + rs.getString(6) + ")";
                if (rs.getBoolean(4)) {
                    continue; // the primary key, with the columns
                }
                if (rs.getString(5) != null) {
                    facts.put(table + " unique " + columns, "constraint");
                } else {
                    facts.put(table + " index " + rs.getString(2), index(rs.getBoolean(3), columns));
                }
            }
        }
        return facts;
    }

    /**
     * @return every difference between {@code left} and {@code right}, one line each, named after
     * the stores {@code leftName} and {@code rightName}
     */
    static List<String> differences(String leftName, Map<String, String> left, String rightName, Map<String, String> right) {
        List<String> out = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        for (String key : keys) {
            String l = left.get(key);
            String r = right.get(key);
            if (l == null) {
                out.add(key + ": only on " + rightName + " (" + r + ")");
            } else if (r == null) {
                out.add(key + ": only on " + leftName + " (" + l + ")");
            } else if (!l.equals(r)) {
                out.add(key + ": " + leftName + " " + l + ", " + rightName + " " + r);
            }
        }
        return out;
    }

    private static String column(String type, boolean notNull, int inPk) {
        return family(type) + (notNull ? " NOT NULL" : " NULL") + (inPk > 0 ? " primary key #" + inPk : "");
    }

    private static String index(boolean unique, String columns) {
        return (unique ? "unique " : "") + columns;
    }

    /** @return the type's family: integer, text, binary, or the type itself if none of those */
    static String family(String type) {
        String t = type.toLowerCase(Locale.ROOT).trim();
        if (t.contains("int")) {
            return "integer";
        }
        if (t.equals("text") || t.contains("char") || t.contains("clob")) {
            return "text";
        }
        if (t.equals("blob") || t.equals("bytea")) {
            return "binary";
        }
        return t;
    }

    private static ResultSet query(PreparedStatement ps, String arg) throws SQLException {
        ps.setString(1, arg);
        return ps.executeQuery();
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
