package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TerminalCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsTheSubcommandsAndExitsZero() {
        assertEquals(ExitCodes.OK, run("--help"));
        assertTrue(out.toString().contains("Commands:"), out.toString());
        assertTrue(out.toString().contains("status"), out.toString());
    }

    @Test
    void unknownOptionExitsTwoWithAClearMessage() {
        assertEquals(ExitCodes.USAGE, run("--no-such-option"));
        assertTrue(err.toString().contains("Unknown option: '--no-such-option'"), err.toString());
    }

    @Test
    void unknownSubcommandExitsTwo() {
        assertEquals(ExitCodes.USAGE, run("frobnicate"));
        assertTrue(err.toString().contains("frobnicate"), err.toString());
    }

    @Test
    void noSubcommandExitsTwo() {
        assertEquals(ExitCodes.USAGE, run());
        assertTrue(err.toString().contains("subcommand is required"), err.toString());
    }

    @Test
    void statusReportsTheDataDirectoryItCreated(@TempDir Path tmp) {
        Path dir = tmp.resolve("data");
        assertEquals(ExitCodes.OK, run("status", "--data-dir", dir.toString()));
        assertTrue(out.toString().contains("data directory: " + dir), out.toString());
        assertTrue(dir.toFile().isDirectory());
    }

    @Test
    void badInputAndRefusalMapToTheirExitCodes() {
        CommandLine bad = Cli.commandLine(new Failing(new BadInputException("items[0].amount: negative")));
        bad.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, bad.execute());
        assertTrue(err.toString().contains("items[0].amount: negative"));

        cn.yibao.card.Refusal refusal = new cn.yibao.card.Refusal() {
            @Override public String code() { return "CARD_LOST"; }
            @Override public String messageZh() { return "此卡已挂失"; }
            @Override public String message() { return "card reported lost"; }
        };
        CommandLine refused = Cli.commandLine(new Failing(new RefusedException(refusal)));
        refused.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.REFUSED, refused.execute());
        assertTrue(err.toString().contains("CARD_LOST 此卡已挂失"), err.toString());
    }

    @CommandLine.Command(name = "failing")
    static final class Failing implements Runnable {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public void run() {
            throw failure;
        }
    }
}
