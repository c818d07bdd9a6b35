package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.tls.CertificateAuthority;
import cn.yibao.hostlink.tls.TerminalCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
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
