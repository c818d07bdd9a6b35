package cn.yibao.terminal.counter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.policy.InstitutionLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CounterSettingsTest {

    @TempDir
    Path dir;

    @Test
    void withoutTheFileTheDefaultsHold() throws IOException {
        assertEquals(new CounterSettings(InstitutionLevel.MUNICIPAL, Duration.ofSeconds(60)), CounterSettings.read(dir));
    }

    @Test
    void eachKeyIsReadAndTheOtherKeepsItsDefault() throws IOException {
        Files.writeString(dir.resolve(CounterSettings.FILE), "# counter\ninstitution_level = DISTRICT\n");
        assertEquals(new CounterSettings(InstitutionLevel.DISTRICT, Duration.ofSeconds(60)), CounterSettings.read(dir));
        Files.writeString(dir.resolve(CounterSettings.FILE), "card_list_refresh_seconds=300\n");
        assertEquals(new CounterSettings(InstitutionLevel.MUNICIPAL, Duration.ofMinutes(5)), CounterSettings.read(dir));
    }

    @Test
    void aValueTheKeyDoesNotTakeIsRefusedNamingIt() throws IOException {
        Files.writeString(dir.resolve(CounterSettings.FILE), "card_list_refresh_seconds=0\n");
        IOException e = assertThrows(IOException.class, () -> CounterSettings.read(dir));
        assertTrue(e.getMessage().contains("card_list_refresh_seconds 1 to 3600 (is 0)"), e.getMessage());
        Files.writeString(dir.resolve(CounterSettings.FILE), "institution_level=COUNTY\n");
        e = assertThrows(IOException.class, () -> CounterSettings.read(dir));
        assertTrue(e.getMessage().contains("(is COUNTY)"), e.getMessage());
        Files.writeString(dir.resolve(CounterSettings.FILE), "card_list_refresh_seconds=soon\n");
        assertThrows(IOException.class, () -> CounterSettings.read(dir));
    }

    @Test
    void thePharmacyNameHeadsTheReceipts() throws IOException {
        assertEquals("定点零售药店", CounterSettings.pharmacyName(dir));
        Files.writeString(dir.resolve(CounterSettings.FILE), "pharmacy_name = 长春市康民大药房\n",
                java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("长春市康民大药房", CounterSettings.pharmacyName(dir));
        Files.writeString(dir.resolve(CounterSettings.FILE), "pharmacy_name = " + "药".repeat(41) + "\n",
                java.nio.charset.StandardCharsets.UTF_8);
        assertThrows(IOException.class, () -> CounterSettings.pharmacyName(dir));
    }
}
