package cn.yibao.terminal.cli;

import cn.yibao.card.CardException;
import cn.yibao.card.session.CardInfo;
import cn.yibao.card.session.CardSession;
import cn.yibao.terminal.pcsc.PcscCardReader;
import cn.yibao.terminal.pcsc.PcscStatus;
import cn.yibao.terminal.pcsc.ReaderException;
import cn.yibao.terminal.pcsc.ReaderSelector;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terminal card read}: waits for a card and prints what it says, in Chinese, numbers masked. */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Wait for a card in the reader and print its holder, insurance and account (numbers masked).")
final class CardReadCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(CardReadCommand.class);

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Option(names = "--card-reader", paramLabel = "READER", defaultValue = "0",
            description = "Contactless reader: its number in the PC/SC list or (part of) its name (default: ${DEFAULT-VALUE}).")
    private String cardReader;

    @Option(names = "--sam-reader", paramLabel = "READER", defaultValue = "1",
            description = "PSAM slot: its number in the PC/SC list or (part of) its name (default: ${DEFAULT-VALUE}).")
    private String samReader;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long to wait for the card (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    @Option(names = "--pin", interactive = true, paramLabel = "PIN",
            description = "Verify the PIN (asked for) to read the year-to-date accumulators too.")
    private char[] pin;

    @Override
    public Integer call() {
        dataDir.resolve(TerminalMain.APP);
        if (waitSeconds < 1 || waitSeconds > 600) {
            throw new BadInputException("--wait must be 1..600 seconds");
        }
        ReaderSelector card = selector("--card-reader", cardReader);
        ReaderSelector sam = selector("--sam-reader", samReader);
        PcscStatus.configureLibrary();
        CardInfo info;
        try (PcscCardReader reader = PcscCardReader.open(card, sam, Duration.ofSeconds(waitSeconds))) {
            CardSession session = new CardSession(reader.card(), reader.psam());
            info = reader.exclusively(() -> pin == null ? session.readCard() : session.readCard(new String(pin)));
        } catch (ReaderException e) {
            throw new RefusedException(e.refusal());
        } catch (CardException e) {
            throw new RefusedException(e);
        } finally {
            if (pin != null) {
                java.util.Arrays.fill(pin, ' ');
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        CardInfoText.lines(info).forEach(out::println);
        out.flush();
        LOG.info("card read: {}", info.identity().maskedCardNumber());
        return ExitCodes.OK;
    }

    private static ReaderSelector selector(String option, String spec) {
        try {
            return ReaderSelector.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": " + e.getMessage(), e);
        }
    }
}
