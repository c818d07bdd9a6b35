package cn.yibao.simulator.cli;

import cn.yibao.simulator.host.HostMonth;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.supervision.MonthData;
import cn.yibao.simulator.supervision.traffic.GeneratedMonth;
import cn.yibao.simulator.supervision.traffic.MonthExport;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.live.BundledCatalog;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator host export-month}: a month of the host's own data (verified settlements, loss
 * reports, inventory messages) written as the JSON Lines that {@code simulator supervision evaluate
 * --in} and {@code supervision report --in} read ({@link HostMonth}).
 */
@Command(name = "export-month", mixinStandardHelpOptions = true,
        description = "Write a month of the host's settlements, loss reports and inventory messages as JSON Lines "
                + "for 'supervision report --in'.")
final class HostExportCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;
    @Mixin
    private HostStoreOption store;
    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month, e.g. 2026-11.")
    private String month;
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the files to.")
    private Path out;
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        YearMonth m;
        try {
            m = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadInputException("--month must be YYYY-MM: " + month);
        }
        try (HostSimulator host = HostSimulator.open(HostCommand.hostDir(dataDir), store.at(HostCommand.hostDir(dataDir)))) {
            BundledCatalog catalog = BundledCatalog.bundled();
            MonthData data = HostMonth.read(host.store(), m, code -> catalog.byCode(code).map(CatalogItem::pric));
            MonthExport.write(new GeneratedMonth(data, List.of()), out);
            spec.commandLine().getOut().printf("%s: %d settlements, %d loss reports, %d stock changes, %d stock counts,"
                    + " %d institutions written to %s%n", m, data.transactions().size(), data.lossReports().size(),
                    data.movements().size(), data.stockTakes().size(), data.institutions().size(), out);
        }
        return ExitCodes.OK;
    }
}
