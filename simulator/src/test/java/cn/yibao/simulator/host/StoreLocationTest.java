package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store}: the forms it takes, what it refuses, and that it never shows a password. */
class StoreLocationTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultIsTheSqliteFileOfTheHostsDirectory() {
        assertEquals(StoreLocation.sqlite(dir.resolve("host.db")), StoreLocation.parse(null, dir.resolve("host.db")));
        assertEquals(StoreLocation.sqlite(dir.resolve("host.db")), StoreLocation.parse(" ", dir.resolve("host.db")));
    }

    @Test
    void sqliteTakesAFileOrADirectory() {
        assertEquals(dir.resolve("x.db"), StoreLocation.parse("sqlite:" + dir.resolve("x.db"), null).sqlite());
        assertEquals(dir.resolve(HostSimulator.SQLITE_FILE), StoreLocation.parse("sqlite:" + dir, null).sqlite());
        assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("sqlite:", null));
    }

    @Test
    void postgresqlTakesAUrlInEitherForm() {
        StoreLocation a = StoreLocation.parse("postgresql://db:5432/host?user=u", null);
        StoreLocation b = StoreLocation.parse("jdbc:postgresql://db:5432/host?user=u", null);
        assertEquals(StoreLocation.Kind.POSTGRESQL, a.kind());
        assertEquals("jdbc:postgresql://db:5432/host?user=u", a.jdbcUrl());
        assertEquals(a, b);
        assertEquals(StoreLocation.DEFAULT_POOL, a.poolSize());
        assertEquals("jdbc:postgresql://db:5432/host", a.toString(), "the query, which may hold a password, is not shown");
    }

    @Test
    void aPropertiesFileCarriesUserPasswordAndPoolAndNeverShowsThePassword() throws Exception {
        Path f = dir.resolve("store.properties");
        Files.writeString(f, "url=postgresql://db:5432/host\nuser=yibao\npassword=s3cret\npool_size=12\n");
        StoreLocation at = StoreLocation.parse(f.toString(), null);
        assertEquals("yibao", at.user());
        assertEquals("s3cret", at.password());
        assertEquals(12, at.poolSize());
        assertFalse(at.toString().contains("s3cret"), at.toString());
        Files.writeString(f, "url=postgresql://db:5432/host\npool_size=0\n");
        assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse(f.toString(), null));
        Files.writeString(f, "user=yibao\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse(f.toString(), null))
                .getMessage().contains("url="));
    }

    @Test
    void anythingElseIsRefusedNamingTheForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StoreLocation.parse("mysql://db/host", null));
        assertTrue(e.getMessage().contains("sqlite:") && e.getMessage().contains("postgresql://"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StoreLocation.parse("jdbc:postgresql://", null));
    }
}
