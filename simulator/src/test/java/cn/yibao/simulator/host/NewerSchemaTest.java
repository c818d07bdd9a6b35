package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store migrated by a newer host (a schema version this host has no migration for) is refused
 * with one line saying so, instead of being served with a warning; host status refuses it too.
 */
class NewerSchemaTest {

    @TempDir
    Path dir;

    @Test
    void aStoreAtANewerSchemaVersionIsRefused() throws Exception {
        Path file = dir.resolve("host.db");
        HostStore.open(StoreLocation.sqlite(file)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            // what a release with a migration V99 would have left
            s.executeUpdate("INSERT INTO " + Migrations.HISTORY + "(installed_rank, version, description, type, script,"
                    + " checksum, installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future',"
                    + " 'SQL', 'V99__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, 1)");
        }
        HostStore.StoreException e = assertThrows(HostStore.StoreException.class,
                () -> HostStore.open(StoreLocation.sqlite(file)));
        assertEquals("the host store sqlite:" + file + " is at schema version 99, newer than this host knows (7):"
                + " run the host release that migrated it (unknown versions [99])", e.getMessage());
        HostStore.StoreException ro = assertThrows(HostStore.StoreException.class,
                () -> HostStore.openReadOnly(StoreLocation.sqlite(file)));
        assertTrue(ro.getMessage().contains("newer than this host knows"), ro.getMessage());
    }
}
