package cn.yibao.simulator.host;

import cn.yibao.simulator.host.migration.V2__KeptItemsAndInstitution;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
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
 * migrate once. A store at a newer version than this host knows is refused ({@link #refuseNewer}).
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
        migrate(sqliteConfig(ds).baselineOnMigrate(true).baselineVersion("0"), "sqlite:" + file);
    }

    static FluentConfiguration sqliteConfig(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/host/sqlite")
                .javaMigrations(new V2__KeptItemsAndInstitution());
    }

    /**
     * Migrates the PostgreSQL store behind {@code ds}. A database that holds tables but no history
     * is not ours to baseline: the migration fails and says so.
     */
    static void postgresql(DataSource ds, String store) {
        migrate(postgresqlConfig(ds), store);
    }

    /**
     * Checks, without migrating or writing anything, that the PostgreSQL store behind {@code ds} is
     * at the schema this host knows (for read-only inspection beside running instances).
     */
    static void checkPostgresql(DataSource ds, String store) {
        check(postgresqlConfig(ds), store);
    }

    /** Checks, without migrating or writing, that the store is at this host's schema version. */
    static void check(FluentConfiguration cfg, String store) {
        try {
            Flyway flyway = cfg.table(HISTORY).load();
            refuseNewer(flyway, store);
            if (flyway.info().pending().length > 0) {
                throw new HostStore.StoreException("the host store " + store + " is at schema version "
                        + version(flyway) + ", older than this host's: start a host instance (host start) to migrate it", null);
            }
        } catch (FlywayException e) {
            throw new HostStore.StoreException("cannot read the host store " + store + "'s schema version: "
                    + StoreFailures.reason(e), e);
        }
    }

    private static FluentConfiguration postgresqlConfig(DataSource ds) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/host/postgresql");
    }

    /**
     * Refuses a store migrated by a newer host (a version this host has no migration for): Flyway
     * would only warn about such "future" migrations and the host would serve a schema it does not
     * know.
     */
    static void refuseNewer(Flyway flyway, String store) {
        List<String> future = Arrays.stream(flyway.info().all())
                .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
                .map(m -> String.valueOf(m.getVersion()))
                .toList();
        if (!future.isEmpty()) {
            throw new HostStore.StoreException("the host store " + store + " is at schema version " + version(flyway)
                    + ", newer than this host knows (" + known(flyway) + "): run the host release that migrated it"
                    + " (unknown versions " + future + ")", null);
        }
    }

    private static String version(Flyway flyway) {
        MigrationInfo current = flyway.info().current();
        return current == null || current.getVersion() == null ? "none" : current.getVersion().toString();
    }

    private static String known(Flyway flyway) {
        return Arrays.stream(flyway.info().all()).filter(m -> m.getState().isResolved() && m.getVersion() != null)
                .map(m -> m.getVersion().toString()).reduce((a, b) -> b).orElse("none");
    }

    private static void migrate(FluentConfiguration cfg, String store) {
        try {
            Flyway flyway = cfg.table(HISTORY).validateMigrationNaming(true).load();
            refuseNewer(flyway, store);
            MigrateResult r = flyway.migrate();
            if (r.migrationsExecuted > 0) {
                LOG.info("host store {}: schema migrated from {} to {} ({} migrations)", store,
                        r.initialSchemaVersion == null ? "empty" : r.initialSchemaVersion, r.targetSchemaVersion,
                        r.migrationsExecuted);
            }
        } catch (FlywayException e) {
            throw new HostStore.StoreException("cannot migrate the host store " + store + ": " + StoreFailures.reason(e), e);
        }
    }
}
