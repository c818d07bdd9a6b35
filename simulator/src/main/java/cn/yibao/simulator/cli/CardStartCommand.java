package cn.yibao.simulator.cli;

import cn.yibao.simulator.SimulatorData;
import cn.yibao.simulator.card.Personas;
import cn.yibao.simulator.card.TimingModel;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.reader.CardSlotService;
import cn.yibao.simulator.reader.ReaderControl;
import cn.yibao.simulator.reader.VirtualReader;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator card start}: serves the PSAM in vpcd slot 1 and, optionally, a persona's card
 * in slot 0, until killed; {@code insert} and {@code remove} reach it over {@link ReaderControl}.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {"Serve the virtual PSAM (slot 1) and a persona's card (slot 0) to pcscd's vpcd reader until killed.",
            "Other commands insert and remove cards through a socket in the data directory."})
final class CardStartCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Option(names = "--persona", paramLabel = "ID", description = "Insert this persona's card at start (see 'card personas').")
    private String persona;

    @Option(names = "--fresh", description = "Re-issue the persona's card, discarding its history.")
    private boolean fresh;

    @Option(names = "--vpcd-port", paramLabel = "PORT", defaultValue = "35963",
            description = "vpcd's port for slot 0; slot 1 is the next one (default: ${DEFAULT-VALUE}, Debian's /etc/reader.conf.d/vpcd).")
    private int vpcdPort;

    @Option(names = "--pcscd", description = "Start a private pcscd with its own vpcd reader (stops the machine's pcscd; needs root).")
    private boolean ownPcscd;

    @Option(names = "--timing", description = "Delay every answer as a contactless card and a contact PSAM would.")
    private boolean timing;

    @Option(names = "--terminal-id", paramLabel = "DIGITS", defaultValue = VirtualPsam.DEFAULT_TERMINAL_ID,
            description = "The PSAM's terminal id, 12 digits (default: ${DEFAULT-VALUE}).")
    private String terminalId;

    @Override
    public Integer call() throws IOException {
        Path dir = dataDir.resolve(SimulatorData.APP);
        validate();
        Path cards = Files.createDirectories(dir.resolve(VirtualCardCommand.CARD_DIR));
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = shutdownHook(Thread.currentThread(), closed);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            serve(dir, cards);
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what stopped us
            }
        }
        return ExitCodes.OK;
    }

    private void serve(Path dir, Path cards) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        try (PrivatePcscd pcscd = ownPcscd ? PrivatePcscd.start(Duration.ofSeconds(15)) : null) {
            int cardPort = pcscd != null ? pcscd.port(PrivatePcscd.CARD_SLOT) : vpcdPort;
            VirtualPsam psam = new VirtualPsam(cards, terminalId);
            if (timing) {
                psam.timing(TimingModel.contactPsam(), true);
            }
            try (VirtualReader reader = new VirtualReader(cardPort, cardPort + 1, psam)) {
                CardSlotService slot = new CardSlotService(reader, cards, timing);
                if (persona != null) {
                    out.println(slot.insert(persona, fresh));
                }
                try (ReaderControl control = ReaderControl.listen(dir, slot::handle)) {
                    out.println("card reader ready: vpcd ports " + cardPort + " (card) and " + (cardPort + 1)
                            + " (PSAM)" + (pcscd != null ? ", readers " + pcscd.readerNames() : "")
                            + "; control socket " + control.path());
                    out.flush();
                    new CountDownLatch(1).await(); // until SIGTERM / Ctrl-C (or an interrupt) wakes us
                } catch (InterruptedException stop) {
                    out.println("card reader stopping");
                    out.flush();
                }
            }
        }
    }

    /** On SIGTERM or Ctrl-C: wake the serving thread and let it close the sockets (up to 10 s). */
    static Thread shutdownHook(Thread serving, CountDownLatch closed) {
        return new Thread(() -> {
            serving.interrupt();
            try {
                closed.await(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "card-reader-shutdown");
    }

    private void validate() {
        if (persona != null && Personas.find(persona).isEmpty()) {
            throw new BadInputException("unknown persona '" + persona + "'; see: simulator card personas");
        }
        if (vpcdPort < 1 || vpcdPort > 65534) {
            throw new BadInputException("--vpcd-port must be 1..65534");
        }
        if (!terminalId.matches("\\d{12}")) {
            throw new BadInputException("--terminal-id must be 12 digits");
        }
    }
}
