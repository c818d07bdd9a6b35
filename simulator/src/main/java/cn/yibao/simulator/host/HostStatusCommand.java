package cn.yibao.simulator.host;

import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
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
            // backlog: what the terminal last reported of its journal (sign-in, heartbeat, upload) beyond what the host holds
            out.printf("%-20s %10s %10s %8s  %-20s %s%n", "terminal", "held seq", "journal", "backlog", "last seen", "flag");
            db.inTransaction(c -> {
                try (ResultSet rs = Sql.query(c, "SELECT id, high_seq, journal_head, flag, last_seen FROM terminal ORDER BY id")) {
                    while (rs.next()) {
                        long held = rs.getLong(2);
                        long head = rs.getLong(3);
                        long seen = rs.getLong(5);
                        String lastSeen = rs.wasNull() || seen == 0 ? "never" : Instant.ofEpochMilli(seen).toString();
                        out.printf("%-20s %10d %10d %8d  %-20s %s%n", rs.getString(1), held, head, Math.max(0, head - held),
                                lastSeen, rs.getString(4) == null ? "" : rs.getString(4));
                    }
                }
                out.println("records held: " + Sql.longValue(c, "SELECT count(*) FROM record", 0)
                        + ", policy pack: " + Registry.latestPack(c)
                        + ", card list version: " + Registry.cardListVersion(c)
                        + ", listed-card sightings (9121): " + Sql.longValue(c, "SELECT count(*) FROM card_sighting", 0));
                return null;
            });
        }
        Faults faults = new Faults();
        faults.load(dir);
        out.println("faults (global): " + faults.global());
        faults.perConnection().forEach((id, plan) -> out.println("faults (connection " + id + "): " + plan));
        return ExitCodes.OK;
    }
}
