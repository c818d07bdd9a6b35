package cn.yibao.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of the private pcscd that need no pcscd: configuration, names, installation checks. */
class PrivatePcscdTest {

    @TempDir
    Path dir;

    @Test
    void theReaderConfigDeclaresOneVpcdReaderListeningOnTheBasePort() {
        assertEquals("""
                FRIENDLYNAME "Virtual PCD"
                DEVICENAME /dev/null:0x5DC0
                LIBPATH /usr/lib/pcsc/drivers/serial/libifdvpcd.so
                CHANNELID 0x5DC0
                """, PrivatePcscd.readerConfig(24_000));
    }

    @Test
    void slotsAreNamedAsPcscLiteNamesThem() {
        assertEquals("Virtual PCD 00 00", PrivatePcscd.readerName("Virtual PCD", 0));
        assertEquals("Virtual PCD 00 01", PrivatePcscd.readerName("Virtual PCD", 1));
    }

    @Test
    void aMissingDaemonOrDriverFailsWithTheInstallCommand() {
        IllegalStateException noDaemon = assertThrows(IllegalStateException.class,
                () -> PrivatePcscd.requireInstalled(dir.resolve("pcscd"), PrivatePcscd.VPCD_DRIVER));
        assertTrue(noDaemon.getMessage().contains("apt-get install pcscd vsmartcard-vpcd"), noDaemon.getMessage());
        IllegalStateException noDriver = assertThrows(IllegalStateException.class,
                () -> PrivatePcscd.requireInstalled(Path.of("/bin/sh"), dir.resolve("libifdvpcd.so")));
        assertTrue(noDriver.getMessage().contains("apt-get install vsmartcard-vpcd"), noDriver.getMessage());
    }
}
