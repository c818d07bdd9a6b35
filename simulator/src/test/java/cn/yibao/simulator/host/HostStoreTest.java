package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStoreTest {

    @TempDir
    Path dir;

    @Test
    void aStoreFromBeforeTheSupervisionColumnsGetsThem() throws Exception {
        Path file = dir.resolve("old.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = c.createStatement()) {
            st.execute("CREATE TABLE record(terminal TEXT NOT NULL, seq INTEGER NOT NULL, setl_id TEXT NOT NULL,"
                    + " status TEXT NOT NULL DEFAULT 'OK', PRIMARY KEY(terminal, seq))");
        }
        try (HostStore s = HostStore.open(file)) {
            List<String> columns = s.inTransaction(c -> {
                List<String> names = new java.util.ArrayList<>();
                try (var rs = Sql.query(c, "PRAGMA table_info(record)")) {
                    while (rs.next()) {
                        names.add(rs.getString("name"));
                    }
                }
                return names;
            });
            assertTrue(columns.containsAll(List.of("items", "fixmedins_code")), columns.toString());
        }
    }

    /** The schema of the host store as the last release made it, before Flyway (c878df2, HostStore.SCHEMA). */
    private static final String[] RELEASED_SCHEMA = {
        "CREATE TABLE terminal(id TEXT PRIMARY KEY, sign_cert BLOB NOT NULL, enrolled_at INTEGER NOT NULL,"
            + " high_seq INTEGER NOT NULL DEFAULT 0, last_hash BLOB, flag TEXT, flagged_at INTEGER,"
            + " journal_head INTEGER NOT NULL DEFAULT 0, last_seen INTEGER)",
        "CREATE TABLE record(terminal TEXT NOT NULL, seq INTEGER NOT NULL, hash BLOB NOT NULL,"
            + " msgid TEXT NOT NULL UNIQUE, setl_id TEXT NOT NULL, card_no TEXT NOT NULL, card_tti INTEGER, card_counter INTEGER,"
            + " time INTEGER NOT NULL, policy_version TEXT NOT NULL, medfee INTEGER NOT NULL, fund INTEGER NOT NULL,"
            + " acct INTEGER NOT NULL, cash INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'OK', result TEXT NOT NULL,"
            + " items TEXT, fixmedins_code TEXT,"
            + " PRIMARY KEY(terminal, seq), UNIQUE(card_no, card_tti, card_counter))",
        "CREATE INDEX record_setl ON record(setl_id)",
        "CREATE TABLE answered(msgid TEXT PRIMARY KEY, terminal TEXT NOT NULL, infno TEXT NOT NULL,"
            + " target TEXT NOT NULL, response TEXT NOT NULL)",
        "CREATE TABLE account(card_no TEXT PRIMARY KEY, psn_no TEXT NOT NULL, psn_name TEXT NOT NULL,"
            + " balance INTEGER NOT NULL, ytd_medfee INTEGER NOT NULL DEFAULT 0, ytd_fund INTEGER NOT NULL DEFAULT 0,"
            + " ytd_acct INTEGER NOT NULL DEFAULT 0)",
        "CREATE TABLE card_list(version INTEGER PRIMARY KEY AUTOINCREMENT, card_no TEXT NOT NULL,"
            + " status TEXT NOT NULL, reported_at INTEGER NOT NULL)",
        "CREATE TABLE policy_pack(version TEXT PRIMARY KEY, bytes BLOB NOT NULL, published_at INTEGER NOT NULL)",
        "CREATE TABLE card_sighting(report_id TEXT NOT NULL,"
            + " terminal TEXT NOT NULL, card_no TEXT NOT NULL, status TEXT NOT NULL, source TEXT NOT NULL,"
            + " seen_at INTEGER NOT NULL, received_at INTEGER NOT NULL, host_status TEXT NOT NULL,"
            + " host_reported_at INTEGER, fixmedins_code TEXT, PRIMARY KEY(terminal, report_id))",
        "CREATE TABLE stock_take(terminal TEXT NOT NULL, msgid TEXT NOT NULL, line INTEGER NOT NULL,"
            + " fixmedins_code TEXT NOT NULL, med_list_codg TEXT NOT NULL, fixmedins_hilist_id TEXT NOT NULL,"
            + " invdate TEXT NOT NULL, inv_cnt INTEGER NOT NULL, PRIMARY KEY(terminal, msgid, line))",
        "CREATE TABLE stock_change(terminal TEXT NOT NULL, msgid TEXT NOT NULL, line INTEGER NOT NULL,"
            + " fixmedins_code TEXT NOT NULL, med_list_codg TEXT NOT NULL, fixmedins_hilist_id TEXT NOT NULL,"
            + " fixmedins_hilist_name TEXT NOT NULL, class TEXT NOT NULL, inv_chg_type TEXT NOT NULL,"
            + " inv_chg_time TEXT NOT NULL, cnt INTEGER NOT NULL, pric INTEGER NOT NULL,"
            + " PRIMARY KEY(terminal, msgid, line))",
        "INSERT INTO account(card_no, psn_no, psn_name, balance, ytd_medfee) VALUES('C0001', 'P1', '李四', 150000, 5990)",
        "INSERT INTO card_list(card_no, status, reported_at) VALUES('C0002', 'LOST', 1000)",
        "INSERT INTO policy_pack(version, bytes, published_at) VALUES('changchun-2010.1', x'00', 1)",
        "INSERT INTO answered(msgid, terminal, infno, target, response) VALUES('M1', 'T1', '2208', 'S1', '{}')",
    };

    @Test
    void aStoreOfTheLastReleaseIsUpgradedInPlaceKeepingItsData() throws Exception {
        Path file = dir.resolve("released.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var st = c.createStatement()) {
            for (String sql : RELEASED_SCHEMA) {
                st.execute(sql);
            }
        }
        try (HostSimulator h = HostSimulator.open(dir.resolve("host"), StoreLocation.sqlite(file))) {
            List<String> history = h.store().inTransaction(c -> {
                List<String> out = new java.util.ArrayList<>();
                try (var rs = Sql.query(c, "SELECT version, type, success FROM " + Migrations.HISTORY
                        + " ORDER BY installed_rank")) {
                    while (rs.next()) {
                        out.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getBoolean(3));
                    }
                }
                return out;
            });
            // baselined at 0 (the tables were there, the history was not), then every migration once
            assertEquals(List.of("0 BASELINE true", "1 SQL true", "2 JDBC true", "3 SQL true", "4 SQL true",
                    "5 SQL true", "6 SQL true", "7 SQL true"), history);
            assertArrayEquals(new long[] {150000, 5990, 0, 0}, h.service().account("C0001"));
            assertEquals("LOST", h.store().inTransaction(c -> Registry.statusOf(c, "C0002")));
            assertEquals(2, h.service().reportCard("C0003", "LOST", java.time.Instant.now()));
            assertEquals(1L, (long) h.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT count(*) FROM sqlite_master WHERE type='index' AND name='card_list_card'", 0)));
            // V5 indexed the sightings by card and by time seen, as on PostgreSQL
            assertEquals(2L, (long) h.store().inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM sqlite_master"
                    + " WHERE type='index' AND name IN ('card_sighting_card', 'card_sighting_seen')", 0)));
            // V4 keyed the answers by (terminal, msgid), keeping them
            assertEquals(1L, (long) h.store().inTransaction(c -> Sql.longValue(c,
                    "SELECT count(*) FROM answered WHERE terminal='T1' AND msgid='M1' AND target='S1'", 0)));
        }
    }

    @Test
    void storeUsesWalAndTheHostKeyIsOwnerOnly() throws Exception {
        try (HostSimulator h = HostSimulator.open(dir.resolve("host"))) {
            String mode = h.store().inTransaction(c -> {
                try (var rs = Sql.query(c, "PRAGMA journal_mode")) {
                    return rs.next() ? rs.getString(1) : "";
                }
            });
            assertEquals("wal", mode);
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("host/pki/host.key"))));
    }
}
