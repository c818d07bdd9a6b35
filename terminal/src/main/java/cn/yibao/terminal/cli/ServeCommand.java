package cn.yibao.terminal.cli;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.CounterSettings;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.counter.host.HostLink;
import cn.yibao.terminal.counter.live.CounterMetrics;
import cn.yibao.terminal.ops.MetricsServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terminal serve}: the local HIS API and the cashier console on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the local HIS API (POST /api/{infno}) and the cashier console on 127.0.0.1, "
                + "against the card on the reader (to try it without a reader: simulator sandbox).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ApiServer.DEFAULT_PORT,
            description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    /** Gone: kept only to point at {@code simulator sandbox}. */
    @Option(names = "--demo", hidden = true)
    private boolean demo;

    @Mixin
    private ReaderOptions readers;

    @Mixin
    private DeviceOptions devices;

    @Mixin
    private HostOptions host;

    @Mixin
    private MetricsOptions metrics;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (demo) {
            throw new BadInputException("the demo counter is gone: the sandbox is the live counter on simulated parts; "
                    + "run: java -jar simulator/target/simulator.jar sandbox");
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be 0..65535");
        }
        Path dir = dataDir.resolve(TerminalMain.APP);
        return serveLive(dir, AccessToken.loadOrCreate(dir));
    }

    /** Serves the real counter: the card on the PC/SC reader, the settlement engine, the journal. */
    private int serveLive(Path dir, AccessToken token) throws IOException {
        RuntimeOptions options = RuntimeOptions.defaults();
        DeviceOptions.Attached attached = devices.attach(options, CounterSettings.pharmacyName(dir), readers.terminalId());
        try (CounterRuntime runtime = CounterRuntime.open(dir, readers.cardAccess(), readers.terminalId(),
                BusinessZone.clock(), options);
             ApiServer server = ApiServer.start(ApiServer.Settings.of(port, token, runtime.counter()), dir)) {
            Optional<HostLink> hostLink = host.connect(runtime);
            String link = hostLink.map(l -> "host link on").orElse("offline: no host configured");
            CounterMetrics gauges = CounterMetrics.bind(runtime, hostLink, Clock.systemUTC());
            try (gauges; MetricsServer served = metrics.start("terminal", MetricsServer.Readiness::yes, dir).orElse(null)) {
                ServeAnnouncement.print(spec.commandLine().getOut(), server, token, dir, "live (terminal "
                        + runtime.terminalId() + ", journal " + runtime.journal().file() + ", " + link + ")");
                if (served != null) {
                    spec.commandLine().getOut().println("metrics:  http://" + metrics.bind() + ":" + served.port()
                            + "/metrics (health: /health, /health/ready)");
                    spec.commandLine().getOut().flush();
                }
                server.awaitClose();
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            attached.close();
        }
        return ExitCodes.OK;
    }
}
