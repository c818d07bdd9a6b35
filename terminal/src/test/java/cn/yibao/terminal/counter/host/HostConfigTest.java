package cn.yibao.terminal.counter.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.terminal.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The terminal's host address: {@code terminal enrol --host}, its file, and a host link to a closed port. */
class HostConfigTest {

    @TempDir
    Path dir;

    @Test
    void enrolWritesTheHostAndMayChangeItKeepingTheKeys() throws Exception {
        Path keys = dir.resolve("host-link");
        CliRun first = CliRun.run("enrol", "--data-dir", dir.toString(), "--terminal-id", "220100000009",
                "--host", "localhost:7443");
        assertEquals(0, first.exit(), first.err());
        assertEquals(Optional.of(HostAddresses.of(new HostAddress("localhost", 7443))), HostConfig.read(keys));
        byte[] key = Files.readAllBytes(keys.resolve("sign.key"));

        CliRun again = CliRun.run("enrol", "--data-dir", dir.toString(), "--host", "127.0.0.1:9443");
        assertEquals(0, again.exit(), again.err());
        assertEquals(Optional.of(HostAddresses.of(new HostAddress("127.0.0.1", 9443))), HostConfig.read(keys));
        assertTrue(java.util.Arrays.equals(key, Files.readAllBytes(keys.resolve("sign.key"))), "keys kept");

        CliRun several = CliRun.run("enrol", "--data-dir", dir.toString(), "--host", "127.0.0.1:9443, localhost:9444");
        assertEquals(0, several.exit(), several.err());
        assertEquals(Optional.of(new HostAddresses(List.of(new HostAddress("127.0.0.1", 9443),
                new HostAddress("localhost", 9444)))), HostConfig.read(keys));
        assertTrue(Files.readString(keys.resolve(HostConfig.FILE)).contains("host=127.0.0.1:9443,localhost:9444\n"));
        CliRun badSecond = CliRun.run("enrol", "--data-dir", dir.toString(), "--host", "127.0.0.1:9443,h:x");
        assertEquals(2, badSecond.exit());
        assertTrue(badSecond.err().contains("address 2 \"h:x\""), badSecond.err());
        assertEquals(2, HostConfig.read(keys).orElseThrow().size(), "a refused list leaves the file as it was");

        assertEquals(2, CliRun.run("enrol", "--data-dir", dir.toString(), "--host", "no-port").exit());
        assertEquals(2, CliRun.run("enrol", "--data-dir", dir.toString(), "--host", "h:70000").exit());
        assertEquals(2, CliRun.run("enrol", "--data-dir", dir.toString(), "--terminal-id", "220100000009").exit(),
                "without --host, existing keys are still never replaced");
    }

    @Test
    void theOldSingleAddressFormIsStillRead() throws Exception {
        Files.writeString(dir.resolve(HostConfig.FILE), "# written by an older terminal\nhost=localhost:7443\n");
        assertEquals(Optional.of(HostAddresses.of(new HostAddress("localhost", 7443))), HostConfig.read(dir));
    }

    @Test
    void aBadEntryInTheFileIsNamed() throws Exception {
        Files.writeString(dir.resolve(HostConfig.FILE), "host=localhost:7443,localhost:7443\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostConfig.read(dir));
        assertTrue(e.getMessage().contains("localhost:7443 listed twice"), e.getMessage());
    }

    @Test
    void noFileMeansNoHost() {
        assertEquals(Optional.empty(), HostConfig.read(dir));
    }

    @Test
    void addressesAreChecked() {
        assertEquals(new HostAddress("h.example", 1), HostAddress.parse("h.example:1"));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse(":7443"));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("a b:7443"));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse("h:x"));
        assertThrows(IllegalArgumentException.class, () -> HostAddress.parse(null));
    }

    @Test
    void offlineCallsFailAtOnce() {
        assertFalse(HostCalls.OFFLINE.online());
        assertThrows(HostUnavailableException.class, () -> HostCalls.OFFLINE.call(Infno.RECON_TOTALS, Json.object()));
    }
}
