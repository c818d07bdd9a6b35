package cn.yibao.terminal.cli;

import cn.yibao.hostlink.tls.Identities;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.DataDirOption;
import cn.yibao.terminal.cli.ExitCodes;
import cn.yibao.terminal.cli.TerminalMain;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostConfig;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code terminal enrol}: the terminal side of enrolment. Generates the TLS key (P-256) and the
 * record-signing key (SM2) in {@code <data-dir>/host-link} (files 0600) and writes the two
 * certification requests for the host's {@code simulator host enrol}; with {@code --check}, reports
 * whether the host's certificates are in place.
 */
@Command(name = "enrol", mixinStandardHelpOptions = true,
        description = "Create this terminal's keys and certification requests for the host (or --check them).")
public final class EnrolCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;
    @Option(names = "--terminal-id", description = "This terminal's id (letters, digits, - and _).")
    private String terminalId;
    @Option(names = "--check", description = "Only check that the host issued the certificates.")
    private boolean check;
    @Option(names = "--host", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "The central host's address, or several in order of preference (the terminal fails over "
                    + "to the next when one stops answering), kept in host-link/host.properties (set or changed even "
                    + "when the keys exist); without one the counter works offline.")
    private String host;
    @Spec
    private CommandSpec spec;


    private HostAddresses hostAddresses() {
        try {
            return host == null ? null : HostAddresses.parse(host);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--host: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        Path dir = HostConfig.keyDir(dataDir.resolve(TerminalMain.APP));
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            TerminalCredentials c = TerminalCredentials.load(dir);
            out.println("enrolled as " + c.terminalId() + " (" + dir + ")");
            return ExitCodes.OK;
        }
        HostAddresses address = hostAddresses();
        if (address != null) {
            HostConfig.write(dir, address);
            out.println("host " + address + " written to " + dir.resolve(HostConfig.FILE));
            if (Files.exists(dir.resolve("tls.key"))) {
                out.println("keys already exist in " + dir + "; kept");
                return ExitCodes.OK;
            }
        }
        if (!Identities.validTerminalId(terminalId)) {
            throw new BadInputException("--terminal-id must be 1-32 letters, digits, - or _");
        }
        if (Files.exists(dir.resolve("tls.key"))) {
            throw new BadInputException("keys already exist in " + dir + "; refusing to replace them");
        }
        TerminalCredentials.request(dir, terminalId);
        out.println("keys and certification requests written to " + dir);
        out.println("next, on the host: simulator host enrol --terminal " + terminalId + " --dir " + dir);
        return ExitCodes.OK;
    }
}
