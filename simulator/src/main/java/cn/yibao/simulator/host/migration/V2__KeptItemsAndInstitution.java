package cn.yibao.simulator.host.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * SQLite store, version 2: the columns added to the store after it was first shipped — a
 * settlement's items and institution ({@code record.items}, {@code record.fixmedins_code}) and the
 * institution that reported a listed-card sighting ({@code card_sighting.fixmedins_code}). A store
 * made by V1 has them already; one made before the schema was versioned may not (SQLite has no
 * {@code ADD COLUMN IF NOT EXISTS}, hence a Java migration).
 */
public final class V2__KeptItemsAndInstitution extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement s = c.createStatement()) {
            addColumn(s, "record", "items");
            addColumn(s, "record", "fixmedins_code");
            addColumn(s, "card_sighting", "fixmedins_code");
        }
    }

    private static void addColumn(Statement s, String table, String column) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                if (column.equals(rs.getString("name"))) {
                    return;
                }
            }
        }
        s.execute("ALTER TABLE " + table + " ADD COLUMN " + column + " TEXT");
    }
}
