package cn.yibao.simulator.cli;

import cn.yibao.simulator.supervision.traffic.GeneratedMonth;
import cn.yibao.simulator.supervision.traffic.MonthExport;
import cn.yibao.simulator.supervision.traffic.TrafficGenerator;
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

/** {@code simulator supervision generate}: write a labelled month of traffic as JSON Lines. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a month of labelled settlements, loss reports and stock movements (JSON Lines).")
final class SupervisionGenerateCommand implements Callable<Integer> {

    @Mixin
    private TrafficOptions traffic;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write the files to.")
    private Path out;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (traffic.in != null) {
            throw new BadInputException("--in is for evaluate and report; generate writes a new month");
        }
        GeneratedMonth month = TrafficGenerator.generate(traffic.options());
        try {
            List<Path> files = MonthExport.write(month, out);
            spec.commandLine().getOut().printf("wrote %d settlements, %d stock movements, %d labels in %d files to %s%n",
                    month.data().transactions().size(), month.data().movements().size(), month.labels().size(),
                    files.size(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }
}
