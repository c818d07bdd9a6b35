package cn.yibao.simulator.supervision.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.supervision.Institution;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.SupervisionPolicy;
import cn.yibao.simulator.supervision.traffic.GeneratedMonth;
import cn.yibao.simulator.supervision.traffic.GeneratorOptions;
import cn.yibao.simulator.supervision.traffic.TrafficGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    static final String EVIL_NAME = "=HYPERLINK(\"http://x\",\"点我\"),药房";
    private static List<PharmacyMonthReport> reports;

    /** A small month whose first pharmacy is renamed to a formula; the month has every kind of finding. */
    static List<PharmacyMonthReport> build() {
        GeneratedMonth g = TrafficGenerator.generate(new GeneratorOptions(5, YearMonth.of(2026, 10), 12, 150, 1, 40,
                0.3, 0.02, 0.05, 0.2));
        List<Institution> inst = new ArrayList<>(g.data().institutions());
        Institution first = inst.get(0);
        inst.set(0, new Institution(first.code(), EVIL_NAME, first.kind()));
        MonthData d = g.data();
        return MonthlyReports.build(new MonthData(d.month(), inst, d.transactions(), d.lossReports(), d.movements(),
                d.stockTakes()), SupervisionPolicy.defaults());
    }

    @BeforeAll
    static void setUp() {
        reports = build();
    }

    @Test
    void csvParsesBackAsOneRectangularTableWithBom() {
        for (PharmacyMonthReport r : reports) {
            String text = CsvReport.render(r);
            assertTrue(text.startsWith(Csv.BOM));
            List<List<String>> rows = Rfc4180.parse(text.substring(1));
            assertEquals(CsvReport.HEADER, rows.get(0));
            for (List<String> row : rows) {
                assertEquals(CsvReport.HEADER.size(), row.size(), row.toString());
            }
            assertEquals(r.pharmacy().code(), rows.get(1).get(0));
            long findingRows = rows.stream().filter(row -> row.get(3).equals("发现")).count();
            assertEquals(r.findings().size(), findingRows);
        }
    }

    @Test
    void formulaCellsAreNeutralised() {
        List<List<String>> rows = Rfc4180.parse(CsvReport.render(reports.get(0)).substring(1));
        assertEquals("'" + EVIL_NAME, rows.get(1).get(1));
        for (List<String> row : rows) {
            for (String cell : row) {
                assertFalse(!cell.isEmpty() && "=+-@".indexOf(cell.charAt(0)) >= 0, cell);
            }
        }
        assertEquals("'-1", Rfc4180.parse(Csv.row(List.of("-1"))).get(0).get(0));
        assertEquals("'@SUM(A1)", Rfc4180.parse(Csv.row(List.of("@SUM(A1)"))).get(0).get(0));
        assertEquals("'+1", Rfc4180.parse(Csv.row(List.of("+1"))).get(0).get(0));
        assertEquals("\"a,b\"\r\n", Csv.row(List.of("a,b")));
        assertEquals("\"a\"\"b\"\r\n", Csv.row(List.of("a\"b")));
        assertEquals(List.of("x\r\ny", ""), Rfc4180.parse(Csv.row(List.of("x\r\ny", ""))).get(0));
    }

    @Test
    void everyKindOfFindingReachesSomeReport() {
        long kinds = reports.stream().flatMap(r -> r.findings().stream()).map(f -> f.code()).distinct().count();
        assertEquals(3, kinds, "held card, post-loss and substitution are pharmacy findings");
    }

    @Test
    void htmlIsSelfContainedAndEscaped(@TempDir Path dir) throws Exception {
        List<Path> files = ReportWriter.write(reports, dir);
        assertEquals(1 + 2 * reports.size(), files.size());
        String html = Files.readString(dir.resolve(reports.get(0).pharmacy().code() + ".html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<meta charset=\"utf-8\">"));
        assertTrue(html.contains("医保基金监管月报"));
        assertTrue(html.contains("<svg"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("src="));
        assertFalse(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "").contains("http://www.w3"));
        assertFalse(html.contains("HYPERLINK(\"http"), "the name must be escaped");
        assertTrue(html.contains("=HYPERLINK(&quot;http://x&quot;"));
        byte[] csv = Files.readAllBytes(dir.resolve(reports.get(0).pharmacy().code() + ".csv"));
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
    }
}
