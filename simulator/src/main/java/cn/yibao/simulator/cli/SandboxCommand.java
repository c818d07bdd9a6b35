package cn.yibao.simulator.cli;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.simulator.SimulatorData;
import cn.yibao.simulator.card.Personas;
import cn.yibao.simulator.card.VirtualPsam;
import cn.yibao.simulator.sandbox.Sandbox;
import cn.yibao.simulator.sandbox.SandboxSettings;
import cn.yibao.terminal.cli.BadInputException;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.DeviceOptions;
import cn.yibao.terminal.cli.ExitCodes;
import cn.yibao.terminal.cli.ServeAnnouncement;
import cn.yibao.terminal.cli.TerminalMain;
import cn.yibao.terminal.counter.live.CounterSettings;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.http.ApiServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulator sandbox}: the live counter on simulated parts, for integrators (see
 * {@link Sandbox}); serves the HIS API and the console until killed.
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Serve the live counter (HIS API and cashier console on 127.0.0.1) on simulated parts: the virtual"
                + " card and PSAM in-process, the host simulator in-process over mutual TLS. No pcscd, no root.",
            "State lives in $YIBAO_HOME/terminal and $YIBAO_HOME/simulator and survives a restart; 'simulator card"
                + " insert|remove' switch the card on its reader."})
final class SandboxCommand implements Callable<Integer> {

    @Option(names = "--home", paramLabel = "DIR",
            description = "Instead of $YIBAO_HOME (or ~/.yibao): the counter's state in DIR/terminal, the simulators' in DIR/simulator.")
    private Path home;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ApiServer.DEFAULT_PORT,
            description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--persona", paramLabel = "ID", defaultValue = "employee",
            description = "The persona whose card is on the reader at start (default: ${DEFAULT-VALUE}; see 'card personas').")
    private String persona;

    @Option(names = "--fresh", description = "Start over: new cards, a new host, an empty journal (keys, API token and settings stay).")
    private boolean fresh;

    @Option(names = "--timing", description = "Delay every answer as a contactless card and a contact PSAM would.")
    private boolean timing;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long card work waits for a card on the reader (default: ${DEFAULT-VALUE}).")
    private int waitSeconds;

    @Mixin
    private DeviceOptions devices;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        validate();
        Path terminalDir = Cli.dataDir(home == null ? null : home.resolve(TerminalMain.APP), TerminalMain.APP);
        Path simDir = Cli.dataDir(home == null ? null : home.resolve(SimulatorData.APP), SimulatorData.APP);
        SandboxSettings settings = new SandboxSettings(terminalDir, simDir, port, persona, fresh, timing,
                Duration.ofSeconds(waitSeconds), BusinessZone.clock(), ApiServer.DEFAULT_MAX_BODY);
        RuntimeOptions options = RuntimeOptions.defaults();
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = CardStartCommand.shutdownHook(Thread.currentThread(), closed);
        Runtime.getRuntime().addShutdownHook(hook);
        DeviceOptions.Attached attached = devices.attach(options, CounterSettings.pharmacyName(terminalDir), VirtualPsam.DEFAULT_TERMINAL_ID);
        try (Sandbox sandbox = Sandbox.start(settings, options)) {
            sandbox.seedOperators();
            ServeAnnouncement.print(spec.commandLine().getOut(), sandbox.server(), sandbox.token(), terminalDir,
                    "sandbox: the live counter on simulated parts (terminal " + sandbox.runtime().terminalId()
                    + ", journal " + sandbox.runtime().journal().file() + ", host simulator in-process on port "
                    + sandbox.host().port() + ", " + sandbox.slot().status() + "; switch cards with: simulator card"
                    + " insert PERSONA / simulator card remove; console operators " + Sandbox.CASHIER + " cashier and "
                    + Sandbox.SUPERVISOR + " supervisor, password " + Sandbox.DEMO_PASSWORD + ")");
            sandbox.server().awaitClose();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            attached.close();
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it is what stopped us
            }
        }
        return ExitCodes.OK;
    }

    private void validate() {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be 0..65535");
        }
        if (Personas.find(persona).isEmpty()) {
            throw new BadInputException("unknown persona '" + persona + "'; see: simulator card personas");
        }
        if (waitSeconds < 0 || waitSeconds > 600) {
            throw new BadInputException("--wait must be 0..600 seconds");
        }
    }
}
