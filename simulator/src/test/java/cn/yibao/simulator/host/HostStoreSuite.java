package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.TerminalCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host store's own behaviour, the same on both stores: {@link SqliteHostStoreTest} and
 * {@link PostgresHostStoreIT} run it. (The host's transactions over the link — uploads, duplicates,
 * cancellations, reversals, reconciliation, inventory, sightings — run on both stores through the
 * host ITs and their {@code …OnPostgresIT} twins.)
 */
abstract class HostStoreSuite {

    @TempDir
    Path dir;
    StoreLocation at;

    /** @return a fresh, empty store for one test */
    abstract StoreLocation newStore(Path dir) throws Exception;

    /** @return the schema version the migrations bring a new store to */
    abstract String latestVersion();

    @BeforeEach
    void create() throws Exception {
        at = newStore(dir);
    }

    private X509Certificate issue(CertificateAuthority ca, String name) throws Exception {
        TerminalCredentials.request(dir.resolve(name), "T9");
        return TerminalCredentials.issue(ca, dir.resolve(name), "T9");
    }

    @Test
    void aKeyEnrolledThroughOneHandleIsSeenByAnotherAtOnceAndAfterReEnrolment() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("pki"), "test CA");
        X509Certificate first = issue(ca, "t1");
        X509Certificate second = issue(ca, "t2");
        try (HostStore a = HostStore.open(at); HostStore b = HostStore.open(at)) {
            a.enrol("T9", first);
            assertEquals(first.getPublicKey(), b.signingKey("T9").orElseThrow());
            a.enrol("T9", second);
            // the other handle (another host instance) decoded the first key; it must not keep it
            assertEquals(second.getPublicKey(), b.signingKey("T9").orElseThrow());
            assertTrue(b.signingKey("T8").isEmpty());
        }
        try (HostStore reopened = HostStore.open(at)) {
            assertEquals(second.getPublicKey(), reopened.signingKey("T9").orElseThrow());
        }
    }

    @Test
    void theSchemaIsMigratedOnceToTheLatestVersion() throws Exception {
        try (HostStore s = HostStore.open(at)) {
            assertEquals(latestVersion(), s.inTransaction(c -> version(c)));
        }
        try (HostStore s = HostStore.open(at)) {
            long runs = s.inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM " + Migrations.HISTORY, 0));
            long failed = s.inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM " + Migrations.HISTORY
                    + " WHERE NOT success", 0));
            try (HostStore again = HostStore.open(at)) {
                long after = again.inTransaction(c -> Sql.longValue(c, "SELECT count(*) FROM " + Migrations.HISTORY, 0));
                assertEquals(runs, after);
            }
            assertEquals(0, failed);
        }
    }

    static String version(java.sql.Connection c) throws java.sql.SQLException {
        try (var rs = Sql.query(c, "SELECT version FROM " + Migrations.HISTORY + " WHERE success"
                + " ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Test
    void aTransactionThatFailsStoresNothing() throws Exception {
        try (HostStore s = HostStore.open(at)) {
            assertThrows(IllegalStateException.class, () -> s.inTransaction(c -> {
                Registry.add(c, "C0001", "LOST", 1_000);
                throw new IllegalStateException("the work failed after writing");
            }));
            assertEquals(0L, (long) s.inTransaction(Registry::cardListVersion));
            assertThrows(HostStore.StoreException.class, () -> s.inTransaction(c ->
                    Sql.update(c, "INSERT INTO no_such_table VALUES(1)")));
        }
    }

    @Test
    void cardListVersionsGrowAndAreReadBackInOrder() throws Exception {
        try (HostSimulator h = HostSimulator.open(dir.resolve("host"), at)) {
            long v1 = h.service().reportCard("C0001", "LOST", java.time.Instant.ofEpochMilli(1_000));
            long v2 = h.service().reportCards(List.of("C0002", "C0003"), "BLACKLISTED", java.time.Instant.ofEpochMilli(2_000));
            long v3 = h.service().reportCard("C0001", "CLEARED", java.time.Instant.ofEpochMilli(3_000));
            assertTrue(v1 < v2 && v2 < v3, v1 + " " + v2 + " " + v3);
            List<Registry.CardEntry> all = h.store().inTransaction(c -> Registry.changesSince(c, 0, 10));
            assertEquals(List.of("C0001", "C0002", "C0003", "C0001"), all.stream().map(Registry.CardEntry::cardNo).toList());
            assertEquals(List.of("C0003", "C0001"), h.store().inTransaction(c -> Registry.changesSince(c, all.get(1).version(), 10))
                    .stream().map(Registry.CardEntry::cardNo).toList());
            assertEquals("", h.store().inTransaction(c -> Registry.statusOf(c, "C0001")));
            assertEquals("BLACKLISTED", h.store().inTransaction(c -> Registry.statusOf(c, "C0002")));
        }
    }

    @Test
    void aPolicyPackPublishedAgainReplacesItsBytes() throws Exception {
        try (HostSimulator h = HostSimulator.open(dir.resolve("host"), at)) {
            assertEquals(HostSimulator.DEFAULT_PACK, h.store().inTransaction(Registry::latestPack));
            h.service().publishPack("X-1", "one".getBytes(StandardCharsets.US_ASCII));
            h.service().publishPack("X-1", "two".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("two".getBytes(StandardCharsets.US_ASCII), h.store().inTransaction(c -> Registry.pack(c, "X-1")));
        }
    }

    @Test
    void accountsAreCreatedOnceAndPostedBothWays() throws Exception {
        try (HostSimulator h = HostSimulator.open(dir.resolve("host"), at)) {
            h.service().addPerson("C0009", "P9", "张三", 100_00);
            h.service().addPerson("C0009", "P9", "张三", 999_00);
            h.store().inTransaction(c -> {
                Ledger.post(c, "C0009", new Amounts(50_00, 30_00, 20_00, 0), 1);
                return null;
            });
            assertArrayEquals(new long[] {80_00, 50_00, 30_00, 20_00}, h.service().account("C0009"));
            h.store().inTransaction(c -> {
                Ledger.post(c, "C0009", new Amounts(50_00, 30_00, 20_00, 0), -1);
                return null;
            });
            assertArrayEquals(new long[] {100_00, 0, 0, 0}, h.service().account("C0009"));
        }
    }

    @Test
    void flagsAndJournalHeadsAreKept() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("pki"), "test CA");
        try (HostStore s = HostStore.open(at)) {
            s.enrol("T9", issue(ca, "t1"));
            s.seen("T9", 40);
            s.seen("T9", 12);
            assertEquals(40L, (long) s.inTransaction(c -> Sql.longValue(c, "SELECT journal_head FROM terminal WHERE id=?", -1,
                    "T9")));
            s.flag("T9", "CHAIN_BROKEN");
            assertEquals("CHAIN_BROKEN", s.flagOf("T9"));
            s.clearFlag("T9");
            assertEquals("", s.flagOf("T9"));
            assertEquals(0, s.highestSeq("T9"));
        }
    }
}
