package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.Faults;
import cn.yibao.simulator.host.HostStore;
import cn.yibao.simulator.host.StoreLocation;
import cn.yibao.simulator.host.StoreStatus;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host status}: terminals with their backlog and flags, versions, faults in force.
 * Read-only, beside running instances: the store is opened for reading (no migration, no CA, no
 * policy pack published), and nothing is written.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show terminals, backlog and faults (read-only: safe beside running host instances).")
final class HostStatusCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;
    @Mixin
    private HostStoreOption store;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path dir = HostCommand.hostDir(dataDir);
        PrintWriter out = spec.commandLine().getOut();
        StoreLocation at = store.at(dir);
        try (HostStore db = HostStore.openReadOnly(at)) {
            out.println("store " + db.describe() + " (read-only)");
            StoreStatus.print(db, out);
        }
        Faults faults = new Faults();
        faults.load(dir);
        out.println("faults (global): " + faults.global());
        faults.perConnection().forEach((id, plan) -> out.println("faults (connection " + id + "): " + plan));
        return ExitCodes.OK;
    }
}
