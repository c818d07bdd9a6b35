package cn.yibao.simulator.host;

import cn.yibao.simulator.host.migration.V2__KeptItemsAndInstitution;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteDataSource;

/**
 * The host store's schema, as Flyway migrations run when a host opens its store: SQL files in
 * {@code db/host/sqlite} and {@code db/host/postgresql} on the class path, and the Java migrations
 * of {@code cn.yibao.simulator.host.migration} (registered here, not scanned for). A SQLite store
 * made before the schema was versioned has tables but no history: it is baselined at version 0
 * and brought up to date by the same migrations, which create only what is missing. On
 * PostgreSQL, Flyway holds an advisory lock while it migrates, so host instances starting together
 * migrate once.
 */
final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    /** Flyway's history table, in the store's own schema. */
    static final String HISTORY = "flyway_schema_history";

    private Migrations() {
    }

    /** Migrates the SQLite store in {@code file} (created if missing). */
    static void sqlite(Path file) {
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        migrate(Flyway.configure().dataSource(ds).locations("classpath:db/host/sqlite")
                .javaMigrations(new V2__KeptItemsAndInstitution()).baselineOnMigrate(true).baselineVersion("0"),
                "sqlite:" + file);
    }

    /**
     * Migrates the PostgreSQL store behind {@code ds}. A database that holds tables but no history
     * is not ours to baseline: the migration fails and says so.
     */
    static void postgresql(DataSource ds) {
        migrate(Flyway.configure().dataSource(ds).locations("classpath:db/host/postgresql"), "postgresql");
    }

    private static void migrate(FluentConfiguration cfg, String store) {
        try {
            MigrateResult r = cfg.table(HISTORY).validateMigrationNaming(true).load().migrate();
            if (r.migrationsExecuted > 0) {
                LOG.info("host store {}: schema migrated from {} to {} ({} migrations)", store,
                        r.initialSchemaVersion == null ? "empty" : r.initialSchemaVersion, r.targetSchemaVersion,
                        r.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new HostStore.StoreException("cannot migrate the host store " + store + ": " + e.getMessage(), e);
        }
    }
}
