package cn.yibao.terminal.cli;

import cn.yibao.hostlink.msg.BusinessZone;
import cn.yibao.terminal.counter.CounterApi;
import cn.yibao.terminal.counter.demo.DemoCounter;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.ReceiptDesk;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.devices.CustomerDisplay;
import cn.yibao.terminal.devices.JsscSerialLink;
import cn.yibao.terminal.devices.ReceiptPrinter;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code terminal serve}: the local HIS API and the cashier console on 127.0.0.1. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the local HIS API (POST /api/{infno}) and the cashier console on 127.0.0.1, "
                + "against the card on the reader (or --demo: an in-memory counter).")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    private DataDirOption dataDir;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + ApiServer.DEFAULT_PORT,
            description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--demo", description = "Serve against the in-memory demo counter (five personas, simulated host).")
    private boolean demo;

    @Mixin
    private ReaderOptions readers;

    @Mixin
    private DeviceOptions devices;

    @Mixin
    private HostOptions host;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be 0..65535");
        }
        Path dir = dataDir.resolve(TerminalMain.APP);
        AccessToken token = AccessToken.loadOrCreate(dir);
        if (!demo) {
            return serveLive(dir, token);
        }
        DemoCounter counter = new DemoCounter(Clock.systemDefaultZone());
        ScheduledExecutorService host = simulatedHost(counter);
        try (ApiServer server = ApiServer.start(ApiServer.Settings.of(port, token, counter))) {
            announce(server, token, dir, "demo (card of persona " + DemoCounter.EMPLOYEE + " on the reader, PIN 123456)");
            server.awaitClose();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            host.shutdownNow();
        }
        return ExitCodes.OK;
    }

    /** Serves the real counter: the card on the PC/SC reader, the settlement engine, the journal. */
    private int serveLive(Path dir, AccessToken token) throws IOException {
        Optional<ReceiptPrinter> printer = devices.printer();
        Optional<CustomerDisplay> display = devices.display()
                .map(name -> new CustomerDisplay(JsscSerialLink.open(name, 9_600)));
        RuntimeOptions options = RuntimeOptions.defaults();
        printer.ifPresent(p -> options.receiptDesk(new ReceiptDesk(p, "定点零售药店", readers.terminalId())));
        display.ifPresent(options::customerDisplay);
        try (CounterRuntime runtime = CounterRuntime.open(dir, readers.cardAccess(), readers.terminalId(),
                BusinessZone.clock(), options);
             ApiServer server = ApiServer.start(ApiServer.Settings.of(port, token, runtime.counter()), dir)) {
            String link = host.connect(runtime).map(l -> "host link on").orElse("offline: no host configured");
            announce(server, token, dir, "live (terminal " + runtime.terminalId() + ", journal "
                    + runtime.journal().file() + ", " + link + ")");
            server.awaitClose();
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        } finally {
            printer.ifPresent(ReceiptPrinter::close);
            display.ifPresent(CustomerDisplay::close);
        }
        return ExitCodes.OK;
    }

    private void announce(ApiServer server, AccessToken token, Path dir, String counter) {
        PrintWriter out = spec.commandLine().getOut();
        out.println("HIS API:  " + server.baseUri() + "api/{infno}");
        out.println("console:  " + ApiTokenCommand.loginUrl(server.port(), token) + " (single use, valid "
                + AccessToken.TICKET_LIFETIME.toMinutes() + " minutes; terminal api-token prints a new one)");
        out.println("token:    " + dir.resolve(AccessToken.FILE) + " (terminal api-token prints it)");
        out.println("counter:  " + counter);
        out.flush();
    }

    /** The demo's host acknowledges and reconciles every 15 seconds. */
    private static ScheduledExecutorService simulatedHost(CounterApi counter) {
        ScheduledExecutorService host = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "demo-host");
            t.setDaemon(true);
            return t;
        });
        if (counter instanceof DemoCounter d) {
            host.scheduleWithFixedDelay(d::hostAcknowledgesAndReconciles, 15, 15, TimeUnit.SECONDS);
        }
        return host;
    }
}
