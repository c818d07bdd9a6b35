package cn.yibao.terminal.cli;

import cn.yibao.terminal.ops.MetricsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * {@code --metrics-port} and {@code --metrics-bind}: where a long-running command ({@code terminal
 * serve}, {@code simulator host start}) serves {@code /metrics}, {@code /health} and
 * {@code /health/ready} ({@link MetricsServer}). Off unless a port is given; 0 takes any free port.
 * The port served is written to {@code metrics.port} in the command's directory.
 */
public final class MetricsOptions {

    /** File holding the metrics port of a running command. */
    public static final String PORT_FILE = "metrics.port";

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus), /health and /health/ready on this port (0: any free port; default: off).")
    private Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDRESS", defaultValue = MetricsServer.DEFAULT_BIND,
            description = "Address of the metrics endpoint (default ${DEFAULT-VALUE}: this machine only).")
    private String bind;

    /** @return the bind address */
    public String bind() {
        return bind;
    }

    /**
     * Starts the endpoint if a port was given, writing the port served to {@code dir/metrics.port}.
     *
     * @return the server, or empty when off
     */
    public Optional<MetricsServer> start(String app, Supplier<MetricsServer.Readiness> ready, Path dir) throws IOException {
        if (port == null) {
            return Optional.empty();
        }
        if (port < 0 || port > 65535) {
            throw new BadInputException("--metrics-port must be 0..65535");
        }
        MetricsServer server;
        try {
            server = MetricsServer.start(bind, port, app, ready);
        } catch (IOException e) {
            throw new BadInputException("--metrics-port: cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        Files.writeString(dir.resolve(PORT_FILE), String.valueOf(server.port()), StandardCharsets.US_ASCII);
        return Optional.of(server);
    }
}
