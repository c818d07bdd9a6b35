package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.TerminalCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostStoreTest {

    @TempDir
    Path dir;

    @Test
    void enrolledSm2KeyIsFoundAfterReopening() throws Exception {
        CertificateAuthority ca = CertificateAuthority.loadOrCreate(dir.resolve("pki"), "test CA");
        TerminalCredentials.request(dir.resolve("t"), "T9");
        X509Certificate sign = TerminalCredentials.issue(ca, dir.resolve("t"), "T9");
        try (HostStore s = HostStore.open(dir.resolve("host.db"))) {
            s.enrol("T9", sign);
        }
        try (HostStore s = HostStore.open(dir.resolve("host.db"))) {
            assertEquals(sign.getPublicKey(), s.signingKey("T9").orElseThrow());
            assertTrue(s.signingKey("T8").isEmpty());
        }
    }

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
