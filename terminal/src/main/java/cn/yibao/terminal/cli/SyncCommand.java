package cn.yibao.terminal.cli;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.ReconciliationStatus;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.journal.UploadQueue;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code terminal sync}: uploads the signed records the host has not acknowledged yet (after
 * recovering what a crash left) and reconciles today with the host.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Upload the journal's unacknowledged signed records to the host and reconcile today (3201).")
final class SyncCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Mixin
    private ReaderOptions readers;

    @Mixin
    private HostOptions host;

    @Option(names = "--dry-run", description = "Show what would be sent (the upload queue, first 50 records), read-only:"
            + " no reader, no host, nothing written.")
    private boolean dryRun;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            Path dir = dataDir.resolve(TerminalMain.APP);
            StatusCommand.hostAndQueue(dir, out);
            List<UploadQueue.Pending> pending = UploadQueue.pending(dir.resolve("journal.db"), 50);
            for (UploadQueue.Pending p : pending) {
                out.println("  #" + p.seq() + "  " + p.msgid() + "  " + p.kind() + "  " + p.state() + "  " + p.created());
            }
            out.flush();
            return pending.isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        try (CounterRuntime runtime = CounterRuntime.open(dataDir.resolve(TerminalMain.APP), readers.cardAccess(),
                readers.terminalId(), BusinessZone.clock())) {
            Optional<HostLink> link = host.connect(runtime);
            boolean uploaded = host.upload(runtime, link, out);
            ReconciliationStatus r = runtime.counter().reconciliation();
            out.println("对账 reconciliation " + r.stmtBegndate() + ": " + r.stmtRsltDscr() + " (终端 "
                    + r.fixmedinsSetlCnt() + " 笔，医疗费 " + r.medfeeSumamt().toYuanString() + "，基金 "
                    + r.fundPaySumamt().toYuanString() + "，个人账户 " + r.acctPay().toYuanString() + ")");
            out.flush();
            return uploaded ? ExitCodes.OK : ExitCodes.FAILURE;
        }
    }
}
