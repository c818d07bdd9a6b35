package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.reader.ReaderControl;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.TerminalMain;
import cn.yibao.terminal.pcsc.ReaderRefusal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The command lines and refusals in docs/card-application.md §11 are what the code accepts and says. */
class CardSimulatorDocTest {

    private final String section = section();

    @Test
    void everyDocumentedCommandLineParses() {
        List<String> lines = commandLines();
        assertTrue(lines.size() >= 8, "command lines found: " + lines);
        for (String line : lines) {
            List<String> words = words(line);
            Object main = switch (words.get(0)) {
                case "simulator" -> new SimulatorMain();
                case "terminal" -> new TerminalMain();
                default -> throw new AssertionError("not a command of ours: " + line);
            };
            // parseArgs throws on an unknown command, option or a missing parameter; --pin prompts
            // (there is no console here, so picocli reads standard input)
            java.io.InputStream stdin = System.in;
            System.setIn(new java.io.ByteArrayInputStream("123456\n".getBytes(StandardCharsets.US_ASCII)));
            try {
                Cli.commandLine(main).parseArgs(words.subList(1, words.size()).toArray(String[]::new));
            } finally {
                System.setIn(stdin);
            }
        }
    }

    @Test
    void everyReaderRefusalIsDocumentedWithItsChineseMessage() {
        for (ReaderRefusal r : ReaderRefusal.values()) {
            assertTrue(section.contains("| `" + r.code() + "` |"), r.code());
            assertTrue(section.contains("| " + r.messageZh() + " |"), r.messageZh());
        }
    }

    @Test
    void theControlSocketIsTheOneDocumented() {
        assertTrue(section.contains("`<data-dir>/" + ReaderControl.SOCKET_NAME + "`"));
        assertTrue(section.contains("`<data-dir>/" + VirtualCardCommand.CARD_DIR + "/`"));
    }

    private List<String> commandLines() {
        List<String> lines = new ArrayList<>();
        Matcher block = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(section);
        while (block.find()) {
            block.group(1).lines().filter(l -> !l.isBlank()).forEach(lines::add);
        }
        return lines;
    }

    /** Splits on spaces, keeping "double-quoted words" together. */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        assertFalse(words.isEmpty());
        return words;
    }

    private static String section() {
        try {
            String doc = Files.readString(Path.of("..", "docs", "card-application.md"), StandardCharsets.UTF_8);
            int start = doc.indexOf("\n## 11. Simulator: the cards in pcscd");
            assertTrue(start >= 0, "section 11 missing");
            int end = doc.indexOf("\n## ", start + 1);
            String section = end < 0 ? doc.substring(start) : doc.substring(start, end);
            assertEquals(-1, section.indexOf("\t"), "no tabs in the doc");
            return section;
        } catch (IOException e) {
            throw new AssertionError("docs/card-application.md not found", e);
        }
    }
}
