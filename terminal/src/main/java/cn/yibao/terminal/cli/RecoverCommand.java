package cn.yibao.terminal.cli;

import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.counter.live.Recovery;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnState;
import cn.yibao.terminal.pcsc.ReaderSelector;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terminal recover}: finishes or voids what a crash left unfinished in the journal, asking
 * the card for its proof when a debit was in flight. Every start of the counter does the same;
 * this command does only that and reports.
 */
@Command(name = "recover", mixinStandardHelpOptions = true,
        description = "Finish or void unfinished transactions after a crash (the same card must be on the reader).")
final class RecoverCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Option(names = "--terminal-id", paramLabel = "DIGITS", defaultValue = "220100000001",
            description = "This terminal's id (default: ${DEFAULT-VALUE}).")
    private String terminalId;

    @Option(names = "--card-reader", paramLabel = "READER", defaultValue = "0", description = "Contactless reader.")
    private String cardReader;

    @Option(names = "--sam-reader", paramLabel = "READER", defaultValue = "1", description = "PSAM slot.")
    private String samReader;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10", description = "How long to wait for the card.")
    private int waitSeconds;

    @Override
    public Integer call() {
        PcscCardAccess cards;
        try {
            cards = new PcscCardAccess(ReaderSelector.parse(cardReader), ReaderSelector.parse(samReader),
                    Duration.ofSeconds(Math.max(1, Math.min(waitSeconds, 600))));
        } catch (IllegalArgumentException e) {
            throw new BadInputException("reader: " + e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (CounterRuntime runtime = CounterRuntime.open(dataDir.resolve(TerminalMain.APP), cards, terminalId,
                Clock.systemDefaultZone())) {
            Recovery.Report report = runtime.recover();
            List<JournalTxn> recent = runtime.journal().recent(1000);
            long committed = recent.stream().filter(t -> t.state() == TxnState.COMMITTED).count();
            long voided = recent.stream().filter(t -> t.state() == TxnState.VOIDED).count();
            out.println("未完成 in doubt: " + report.inDoubt() + "  已提交 committed: " + committed
                    + "  已作废 voided: " + voided + "  已签名记录 records: " + (runtime.journal().head().nextSeq() - 1));
            return report.inDoubt() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
