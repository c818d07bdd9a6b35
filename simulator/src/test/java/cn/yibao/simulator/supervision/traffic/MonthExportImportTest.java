package cn.yibao.simulator.supervision.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonthExportImportTest {

    private static GeneratedMonth small() {
        return TrafficGenerator.generate(new GeneratorOptions(9, YearMonth.of(2026, 10), 5, 60, 1, 30, 0.05, 0.05, 0.1, 0.2));
    }

    @Test
    void whatIsWrittenReadsBackEqual(@TempDir Path dir) throws Exception {
        GeneratedMonth month = small();
        MonthExport.write(month, dir);
        GeneratedMonth back = MonthImport.read(dir, YearMonth.of(2026, 10));
        assertEquals(month.data(), back.data());
        assertEquals(month.labels(), back.labels());
    }

    @Test
    void aMalformedLineIsRefusedWithItsPlace(@TempDir Path dir) throws Exception {
        MonthExport.write(small(), dir);
        Files.writeString(dir.resolve(MonthExport.SETTLEMENTS), "{\"setl_id\":\"X\"}\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        long lines = Files.readAllLines(dir.resolve(MonthExport.SETTLEMENTS)).size();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MonthImport.read(dir, YearMonth.of(2026, 10)));
        assertTrue(e.getMessage().startsWith("settlements.jsonl line " + lines + ":"), e.getMessage());
    }
}
