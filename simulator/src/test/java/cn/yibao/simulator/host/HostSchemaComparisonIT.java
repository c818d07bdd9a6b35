package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's two stores have one schema: a SQLite file and a PostgreSQL database (of the tests'
 * own cluster), each migrated from empty by the host, hold the same tables, columns (name, type
 * family, nullability, place in the primary key) and indexes (name, unique, columns in order), as
 * {@link SchemaFacts} reads and normalises them. A failure lists every difference.
 */
class HostSchemaComparisonIT {

    @TempDir
    Path dir;

    @Test
    void bothStoresMigratedFromEmptyHaveTheSameTablesColumnsAndIndexes() throws Exception {
        Path file = dir.resolve("host.db");
        HostStore.open(StoreLocation.sqlite(file)).close();
        StoreLocation pg = TestPostgres.newStore("schema");
        HostStore.open(pg).close();
        Map<String, String> sqlite;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            sqlite = SchemaFacts.sqlite(c);
        }
        Map<String, String> postgresql;
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl())) {
            postgresql = SchemaFacts.postgresql(c);
        }
        // the reading itself: both saw the host's tables, and a column of each kind
        assertEquals("table", sqlite.get("record"));
        assertEquals("integer NOT NULL primary key #2", postgresql.get("record.seq"));
        assertEquals("binary NOT NULL", sqlite.get("record.hash"));
        List<String> differences = SchemaFacts.differences("SQLite", sqlite, "PostgreSQL", postgresql);
        assertTrue(differences.isEmpty(), "the host's SQLite and PostgreSQL schemas differ in " + differences.size()
                + " place(s):\n" + String.join("\n", differences));
    }
}
