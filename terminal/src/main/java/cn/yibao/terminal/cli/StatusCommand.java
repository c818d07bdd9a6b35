package cn.yibao.terminal.cli;

import cn.yibao.terminal.pcsc.PcscStatus;
import cn.yibao.terminal.counter.host.HostAddresses;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.journal.UploadQueue;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;
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
        hostAndQueue(dir, out);
        LOG.info("status: data dir {}, {} reader(s)", dir, pcsc.readers().size());
        return ExitCodes.OK;
    }

    /** The host addresses (preferred first), the one in use, and the upload queue, read without writing. */
    static void hostAndQueue(Path dir, PrintWriter out) {
        Path keys = HostConfig.keyDir(dir);
        Optional<HostAddresses> hosts;
        try {
            hosts = HostConfig.read(keys);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
        out.println("host addresses: " + hosts.map(h -> h.all().get(0) + " (preferred)"
                + h.all().stream().skip(1).map(a -> ", " + a).collect(Collectors.joining()))
                .orElse("none (terminal enrol --host): the counter works offline"));
        HostConfig.readInUse(keys).ifPresent(u -> {
            String[] p = u.split(" ", 2);
            out.println("host address in use: " + p[0] + (p.length > 1 ? " (signed in " + p[1] + ")" : ""));
        });
        Optional<UploadQueue> q = UploadQueue.read(dir.resolve("journal.db"));
        if (q.isEmpty()) {
            out.println("upload queue: no journal yet");
            return;
        }
        UploadQueue u = q.get();
        Instant now = Instant.now();
        out.println("upload queue: " + u.queued() + " queued (records #" + u.lastSeq() + ", acknowledged #" + u.ackedSeq() + ")"
                + u.oldest().map(o -> ", oldest " + age(o, now) + " old").orElse("")
                + ", last ack " + u.ackedAt().map(a -> a + " (" + age(a, now) + " ago)").orElse("never"));
    }

    private static String age(Instant since, Instant now) {
        Duration d = Duration.between(since, now);
        if (d.isNegative()) {
            return "0 s";
        }
        return d.toHours() > 0 ? d.toHours() + " h " + d.toMinutesPart() + " min"
                : d.toMinutes() > 0 ? d.toMinutes() + " min " + d.toSecondsPart() + " s" : d.toSeconds() + " s";
    }
}
