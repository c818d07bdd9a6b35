package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SupervisionCliTest {

    private static final String[] SMALL = {"--pharmacies", "6", "--cards-per-pharmacy", "60", "--hospitals", "1",
        "--stays-per-hospital", "30"};

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.commandLine(new SimulatorMain());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String[] with(String... head) {
        String[] all = new String[head.length + SMALL.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(SMALL, 0, all, head.length, SMALL.length);
        return all;
    }

    @Test
    void evaluatePrintsOneRowPerDetector() {
        assertEquals(ExitCodes.OK, run(with("supervision", "evaluate", "--seed", "3", "--rate-held", "0.05")), err.toString());
        String text = out.toString();
        for (String code : new String[] {"SUP_HELD_CARD", "SUP_POST_LOSS", "SUP_SPLIT_ADMISSION", "SUP_SUBSTITUTION"}) {
            assertTrue(text.contains(code), text);
        }
        assertTrue(text.contains("precision") && text.contains("recall"), text);
    }

    @Test
    void reportWritesHtmlAndCsvPerPharmacy(@TempDir Path dir) throws Exception {
        assertEquals(ExitCodes.OK, run(with("supervision", "report", "--month", "2026-10", "--out", dir.toString())),
                err.toString());
        assertTrue(Files.readString(dir.resolve("P2201000001.html"), StandardCharsets.UTF_8).contains("2026-10"));
        assertTrue(Files.exists(dir.resolve("P2201000006.csv")));
        assertTrue(Files.exists(dir.resolve("index.html")));
    }

    @Test
    void generateWritesJsonLinesWithoutCardNumbers(@TempDir Path dir) throws Exception {
        assertEquals(ExitCodes.OK, run(with("supervision", "generate", "--out", dir.toString())), err.toString());
        String settlements = Files.readString(dir.resolve("settlements.jsonl"), StandardCharsets.UTF_8);
        assertTrue(settlements.contains("\"medfee_sumamt\""), settlements.substring(0, 200));
        assertTrue(settlements.contains("\"card_masked\":\"2201****"));
        assertFalse(settlements.contains("2201000000"), "no full card number is written");
        assertTrue(Files.readString(dir.resolve("stock-movements.jsonl")).contains("\"inv_chg_type\":\"3505\""));
    }

    @Test
    void evaluateReadsAGeneratedMonthBack(@TempDir Path dir) {
        assertEquals(ExitCodes.OK, run(with("supervision", "generate", "--seed", "4", "--out", dir.toString())),
                err.toString());
        assertEquals(ExitCodes.OK, run(with("supervision", "evaluate", "--seed", "4")), err.toString());
        String generated = out.toString();
        String generatedTable = generated.substring(generated.indexOf("detector"));
        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.OK, run("supervision", "evaluate", "--in", dir.toString()), err.toString());
        assertTrue(out.toString().contains("read from " + dir), out.toString());
        assertEquals(generatedTable, out.toString().substring(out.toString().indexOf("detector")));
    }

    @Test
    void badInputExitsTwo(@TempDir Path dir) {
        assertEquals(ExitCodes.USAGE, run("supervision", "report", "--month", "2026-13", "--out", dir.toString()));
        assertTrue(err.toString().contains("--month"), err.toString());
        assertEquals(ExitCodes.USAGE, run("supervision", "evaluate", "--rate-held", "0.9"));
        assertEquals(ExitCodes.USAGE, run("supervision", "evaluate", "--policy", dir.resolve("none.json").toString()));
        assertEquals(ExitCodes.USAGE, run("supervision", "evaluate", "--in", dir.resolve("none").toString()));
        assertEquals(ExitCodes.USAGE, run("supervision", "generate", "--in", dir.toString(), "--out", dir.toString()));
    }
}
