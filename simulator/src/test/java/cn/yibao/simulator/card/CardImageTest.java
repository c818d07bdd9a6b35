package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.app.InsuranceStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A card file keeps its format: the paid-up status is still written {@code ACTIVE}, and read back as NORMAL. */
class CardImageTest {

    @Test
    void aPaidUpCardIsStillWrittenActiveAndReadBackNormal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("employee.card");
        CardImage.personalise(Personas.byId("employee")).save(file, false);
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("insurance=EMPLOYEE,NONE,false,false,ACTIVE,NORMAL,"), text);
        assertEquals(InsuranceStatus.NORMAL, CardImage.load(file).insurance.status());
    }

    @Test
    void otherStatusesAreWrittenByName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("arrears.card");
        CardImage.personalise(Personas.byId("arrears")).save(file, false);
        assertTrue(Files.readString(file, StandardCharsets.ISO_8859_1).contains(",ARREARS,NORMAL,"));
        assertEquals(InsuranceStatus.ARREARS, CardImage.load(file).insurance.status());
    }
}
