package cn.yibao.terminal.cli;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.counter.live.Recovery;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.TxnState;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

    @Mixin
    private ReaderOptions readers;

    @Override
    public Integer call() {
        PcscCardAccess cards = readers.cardAccess();
        PrintWriter out = spec.commandLine().getOut();
        try (CounterRuntime runtime = CounterRuntime.open(dataDir.resolve(TerminalMain.APP), cards, readers.terminalId(),
                BusinessZone.clock())) {
            Recovery.Report report = runtime.recover();
            List<JournalTxn> recent = runtime.journal().queries().recent(1000);
            long committed = recent.stream().filter(t -> t.state() == TxnState.COMMITTED).count();
            long voided = recent.stream().filter(t -> t.state() == TxnState.VOIDED).count();
            out.println("未完成 in doubt: " + report.inDoubt() + "  已提交 committed: " + committed
                    + "  已作废 voided: " + voided
                    + "  已签名记录 records: " + (runtime.journal().records().head().nextSeq() - 1));
            return report.inDoubt() == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
