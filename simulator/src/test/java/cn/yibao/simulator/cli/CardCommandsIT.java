package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.card.Personas;
import cn.yibao.simulator.reader.ReaderControl;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.ExitCodes;
import cn.yibao.terminal.cli.TerminalMain;
import cn.yibao.terminal.pcsc.PcscReaders;
import cn.yibao.terminal.testing.Await;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulator card start/insert/remove/show/personas} and {@code terminal card read} as a
 * user runs them, against the test JVM's pcscd.
 */
@ExtendWith(PcscdExtension.class)
class CardCommandsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path simDir;

    @TempDir
    Path terminalDir;

    private PrivatePcscd pcscd;
    private Thread start;
    private final StringWriter startOut = new StringWriter();

    /** Output and exit code of one command. */
    private record Run(int exit, String out, String err) {
    }

    @BeforeEach
    void startTheReader(PrivatePcscd pcscd) {
        this.pcscd = pcscd;
        start = new Thread(() -> Cli.commandLine(new SimulatorMain()).setOut(new PrintWriter(startOut, true))
                .execute("card", "start", "--data-dir", simDir.toString(),
                        "--vpcd-port", Integer.toString(pcscd.port(PrivatePcscd.CARD_SLOT))), "simulator-card-start");
        start.start();
        Await.until(WAIT, () -> Files.exists(simDir.resolve(ReaderControl.SOCKET_NAME)),
                () -> "the reader's control socket; simulator card start said: " + startOut);
    }

    @AfterEach
    void stopTheReader() throws InterruptedException, CardException {
        start.interrupt();
        start.join(WAIT.toMillis());
        assertFalse(start.isAlive(), "simulator card start did not stop");
        assertFalse(Files.exists(simDir.resolve(ReaderControl.SOCKET_NAME)), "control socket left behind");
        for (String reader : pcscd.readerNames()) {
            assertTrue(PcscReaders.connect().byName(reader).waitForCardAbsent(WAIT.toMillis()), reader);
        }
    }

    private void awaitCardAbsent() {
        try {
            assertTrue(PcscReaders.connect().byName(pcscd.readerName(PrivatePcscd.CARD_SLOT))
                    .waitForCardAbsent(WAIT.toMillis()));
        } catch (CardException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void insertReadRemove() {
        Run insert = simulator("card", "insert", "employee", "--fresh");
        assertEquals(ExitCodes.OK, insert.exit(), insert.err());
        assertTrue(insert.out().startsWith("inserted employee"), insert.out());

        Run read = terminal("card", "read", "--card-reader", pcscd.readerName(PrivatePcscd.CARD_SLOT),
                "--sam-reader", pcscd.readerName(PrivatePcscd.SAM_SLOT));
        assertEquals(ExitCodes.OK, read.exit(), read.err());
        String fullNumber = Personas.byId("employee").cardNumber();
        assertTrue(read.out().contains("卡号：" + fullNumber.substring(0, 2)), read.out());
        assertFalse(read.out().contains(fullNumber), "the card number must be masked: " + read.out());
        assertFalse(read.out().contains(Personas.byId("employee").ssn()), "the SSN must be masked");
        assertTrue(read.out().contains("个人账户余额：" + Personas.byId("employee").balance().toYuanString() + " 元"),
                read.out());
        assertTrue(read.out().contains("卡状态："), read.out());
        assertFalse(read.out().contains("累计年度"), "accumulators need the PIN");

        Run withPin = withStdin("123456\n", () -> terminal("card", "read", "--card-reader",
                pcscd.readerName(PrivatePcscd.CARD_SLOT), "--sam-reader", pcscd.readerName(PrivatePcscd.SAM_SLOT),
                "--pin"));
        assertEquals(ExitCodes.OK, withPin.exit(), withPin.err());
        assertTrue(withPin.out().contains("累计年度："), withPin.out());
        assertTrue(withPin.out().contains("密码剩余次数：3"), withPin.out());

        Run remove = simulator("card", "remove");
        assertEquals("removed employee", remove.out().strip());
        awaitCardAbsent(); // pcscd notices within its 400 ms poll
        Run noCard = terminal("card", "read", "--wait", "1");
        assertEquals(ExitCodes.REFUSED, noCard.exit(), noCard.out());
        assertTrue(noCard.err().contains("NO_CARD"), noCard.err());
    }

    @Test
    void showsPersistedStateAndListsPersonas() {
        simulator("card", "insert", "pin-locked", "--fresh");
        Run show = simulator("card", "show", "pin-locked");
        assertEquals(ExitCodes.OK, show.exit(), show.err());
        assertTrue(show.out().contains("PIN tries left: 0"), show.out());

        Run personas = simulator("card", "personas");
        assertEquals(ExitCodes.OK, personas.exit(), personas.err());
        assertEquals(Personas.all().size() + 1, personas.out().lines().count(), personas.out());
    }

    @Test
    void refusesUnknownPersonasAndMissingReaders() {
        assertEquals(ExitCodes.USAGE, simulator("card", "insert", "nobody").exit());
        assertEquals(ExitCodes.USAGE, simulator("card", "show", "nobody").exit());
        Run noReader = terminal("card", "read", "--card-reader", "no such reader", "--wait", "1");
        assertEquals(ExitCodes.REFUSED, noReader.exit());
        assertTrue(noReader.err().contains("NO_READER"), noReader.err());
    }

    /** picocli asks for interactive options on standard input when there is no console, as here. */
    private static Run withStdin(String input, java.util.function.Supplier<Run> command) {
        java.io.InputStream stdin = System.in;
        System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        try {
            return command.get();
        } finally {
            System.setIn(stdin);
        }
    }

    private Run simulator(String... args) {
        return run(new SimulatorMain(), simDir, args);
    }

    private Run terminal(String... args) {
        return run(new TerminalMain(), terminalDir, args);
    }

    private static Run run(Object main, Path dataDir, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--data-dir");
        all.add(dataDir.toString());
        int exit = Cli.commandLine(main).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }
}
