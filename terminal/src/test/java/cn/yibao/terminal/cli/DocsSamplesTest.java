package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SettlementEngine;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the code samples of {@code docs/settlement.md} and {@code docs/policy-pack.md}: every
 * {@code ```json request} block is settled (and compared with the {@code ```json result} block that
 * follows it, field by field), every {@code ```json} block of the pack document is a fragment of
 * the bundled pack, and every {@code terminal.jar} command line of a {@code ```sh} block runs
 * with the exit code written after it ({@code # exit N}).
 */
class DocsSamplesTest {

    private static final Pattern BLOCK = Pattern.compile("```(\\w+)([^\\n]*)\\n(.*?)```", Pattern.DOTALL);
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Block(String lang, String tag, String body) {
    }

    static List<Block> blocks(String doc) throws IOException {
        String text = Files.readString(ROOT.resolve("docs").resolve(doc), StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2).strip(), m.group(3)));
        }
        return blocks;
    }

    static JsonNode json(String body) {
        return FileJson.parse(body.getBytes(StandardCharsets.UTF_8), 1 << 20, "doc sample");
    }

    @Test
    void settlementRequestSamplesSettleToTheDocumentedResults() throws IOException {
        List<Block> blocks = blocks("settlement.md");
        int requests = 0;
        for (int i = 0; i < blocks.size(); i++) {
            if (!blocks.get(i).lang().equals("json") || !blocks.get(i).tag().equals("request")) {
                continue;
            }
            requests++;
            JsonNode actual = ResultJson.toJson(SettlementEngine.settle(
                    RequestJson.read(blocks.get(i).body().getBytes(StandardCharsets.UTF_8)),
                    PolicyPacks.changchun2010()));
            if (i + 1 < blocks.size() && blocks.get(i + 1).tag().equals("result")) {
                assertContained(json(blocks.get(i + 1).body()), actual, "");
            }
        }
        assertTrue(requests >= 2, "request samples found: " + requests);
    }

    /** Every field of {@code expected} is in {@code actual} with the same value (arrays: same length). */
    static void assertContained(JsonNode expected, JsonNode actual, String path) {
        if (expected.isObject()) {
            for (Iterator<String> names = expected.fieldNames(); names.hasNext();) {
                String name = names.next();
                assertTrue(actual.has(name), "missing " + path + "." + name);
                assertContained(expected.get(name), actual.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            assertEquals(expected.size(), actual.size(), "length of " + path);
            for (int i = 0; i < expected.size(); i++) {
                assertContained(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertEquals(CanonicalJson.text(expected), CanonicalJson.text(actual), path);
        }
    }

    @Test
    void policyPackSamplesAreFragmentsOfTheBundledPack() throws IOException {
        JsonNode bundled = json(new String(PolicyPacks.changchun2010Bytes(), StandardCharsets.UTF_8));
        int fragments = 0;
        for (Block block : blocks("policy-pack.md")) {
            if (block.lang().equals("json") && block.tag().equals("pack")) {
                assertContained(json(block.body()), bundled, "pack");
                fragments++;
            } else if (block.lang().equals("json")) {
                json(block.body());
            }
        }
        assertTrue(fragments >= 3, "pack fragments found: " + fragments);
    }

    @Test
    void commandLinesRunWithTheDocumentedExitCode() throws IOException {
        int commands = 0;
        for (String doc : new String[] {"settlement.md", "policy-pack.md", "benchmarks.md"}) {
            for (Block block : blocks(doc)) {
                if (!block.lang().equals("sh")) {
                    continue;
                }
                for (String line : block.body().lines().toList()) {
                    Matcher m = Pattern.compile("^java -jar terminal/target/terminal\\.jar (.*?)\\s+# exit (\\d)$")
                            .matcher(line.strip());
                    if (!m.matches()) {
                        continue;
                    }
                    List<String> args = new ArrayList<>();
                    for (String arg : m.group(1).split("\\s+")) {
                        args.add(arg.contains("/") && Files.exists(ROOT.resolve(arg)) ? ROOT.resolve(arg).toString()
                                : arg);
                    }
                    if (args.get(0).equals("bench")) {
                        args.addAll(List.of("--warmup", "0", "--seconds", "0.02"));
                    }
                    CliRun run = CliRun.run(args.toArray(String[]::new));
                    assertEquals(Integer.parseInt(m.group(2)), run.exit(), doc + ": " + line + "\n" + run.err());
                    assertFalse(run.err().contains("Exception"), run.err());
                    commands++;
                }
            }
        }
        assertTrue(commands >= 3, "commands found: " + commands);
    }
}
