package cn.yibao.terminal.cli;

import cn.yibao.card.CardException;
import cn.yibao.card.session.CardInfo;
import cn.yibao.terminal.counter.CounterRefusedException;
import java.io.PrintWriter;
import java.util.Arrays;
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

    @Mixin
    private ReaderOptions readers;

    @Option(names = "--pin", interactive = true, paramLabel = "PIN",
            description = "Verify the PIN (asked for) to read the year-to-date accumulators too.")
    private char[] pin;

    @Override
    public Integer call() {
        dataDir.resolve(TerminalMain.APP);
        CardInfo info;
        try {
            info = readers.cardAccess().withCard(session -> pin == null ? session.readCard()
                    : session.readCard(new String(pin)));
        } catch (CounterRefusedException e) {
            throw new RefusedException(e.refusal());
        } catch (CardException e) {
            throw new RefusedException(e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, ' ');
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        CardInfoText.lines(info).forEach(out::println);
        out.flush();
        LOG.info("card read: {}", info.identity().maskedCardNumber());
        return ExitCodes.OK;
    }
}
