package cn.yibao.simulator.cli;

import cn.yibao.simulator.supervision.report.MonthlyReports;
import cn.yibao.simulator.supervision.report.PharmacyMonthReport;
import cn.yibao.simulator.supervision.report.ReportWriter;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.ExitCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulator supervision report}: the monthly report of every pharmacy as HTML and CSV. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write each pharmacy's monthly supervision report (HTML with charts, CSV) for generated traffic.")
final class SupervisionReportCommand implements Callable<Integer> {

    @Mixin
    private TrafficOptions traffic;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the reports to.")
    private Path out;

    @Option(names = "--pharmacy", paramLabel = "CODE", description = "Only this pharmacy (fixmedins_code).")
    private String pharmacy;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        List<PharmacyMonthReport> reports = MonthlyReports.build(traffic.month().data(),
                traffic.loadPolicy());
        if (pharmacy != null) {
            reports = reports.stream().filter(r -> r.pharmacy().code().equals(pharmacy)).toList();
            if (reports.isEmpty()) {
                throw new BadInputException("no pharmacy " + pharmacy + " in the generated month");
            }
        }
        try {
            List<Path> files = ReportWriter.write(reports, out);
            spec.commandLine().getOut().printf("wrote %d reports (%d files) to %s%n", reports.size(), files.size(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }
}
