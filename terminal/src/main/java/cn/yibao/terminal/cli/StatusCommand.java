package cn.yibao.terminal.cli;

import cn.yibao.terminal.pcsc.PcscStatus;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code terminal status}: what this terminal is, where it keeps its data, which readers it sees. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show the terminal's version, data directory and PC/SC readers.")
final class StatusCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(StatusCommand.class);

    @Mixin
    private DataDirOption dataDir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = dataDir.resolve(TerminalMain.APP);
        PrintWriter out = spec.commandLine().getOut();
        out.println("terminal " + new VersionProvider().getVersion()[0].replace("${COMMAND-FULL-NAME} ", ""));
        out.println("data directory: " + dir);
        PcscStatus pcsc = PcscStatus.probe();
        out.println("pcsclite library: " + pcsc.library());
        out.println("PC/SC readers: " + (pcsc.readers().isEmpty() ? "none (" + pcsc.problem() + ")"
                : String.join(", ", pcsc.readers())));
        LOG.info("status: data dir {}, {} reader(s)", dir, pcsc.readers().size());
        return ExitCodes.OK;
    }
}
