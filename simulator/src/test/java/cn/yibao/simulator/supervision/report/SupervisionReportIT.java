package cn.yibao.simulator.supervision.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a monthly pharmacy report in headless Debian Chromium and keeps the screenshot in
 * {@code target/screenshots/supervision-report.png}.
 */
class SupervisionReportIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @Test
    void chromiumRendersTheReport(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "install Debian chromium (scripts/test.sh does)");
        List<PharmacyMonthReport> reports = ReportTest.build();
        PharmacyMonthReport withFindings = reports.stream().skip(1).filter(r -> !r.findings().isEmpty()).findFirst()
                .orElseThrow();
        ReportWriter.write(List.of(withFindings), tmp.resolve("report"));
        Path html = tmp.resolve("report").resolve(withFindings.pharmacy().code() + ".html");
        Path png = tmp.resolve("shot.png");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + Files.createDirectory(tmp.resolve("profile")),
                "--screenshot=" + png, "--window-size=1200,1600", html.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("chromium.log").toFile())
                .start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String log = Files.readString(tmp.resolve("chromium.log"), StandardCharsets.UTF_8);
        assertTrue(done, "chromium did not finish in 120 s: " + log);
        assertEquals(0, p.exitValue(), log);
        assertTrue(Files.exists(png), log);
        assertPlausiblePng(png);
        Path keep = Path.of("target", "screenshots", "supervision-report.png");
        Files.createDirectories(keep.getParent());
        Files.copy(png, keep, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A PNG of 1200 x 1600 whose size shows real content (a blank page compresses to a few kB). */
    private static void assertPlausiblePng(Path png) throws IOException {
        long size = Files.size(png);
        assertTrue(size > 40_000 && size < 10_000_000, "screenshot size " + size);
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] magic = new byte[8];
            data.readFully(magic);
            assertArrayEquals(PNG_MAGIC, magic);
            data.readInt();
            byte[] type = new byte[4];
            data.readFully(type);
            assertEquals("IHDR", new String(type, StandardCharsets.US_ASCII));
            assertEquals(1200, data.readInt());
            assertEquals(1600, data.readInt());
        }
    }
}
