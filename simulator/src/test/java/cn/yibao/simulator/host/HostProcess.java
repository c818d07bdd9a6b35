package cn.yibao.simulator.host;

import cn.yibao.simulator.cli.HostCommand;
import cn.yibao.simulator.cli.SimulatorMain;
import cn.yibao.terminal.testing.Await;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** {@code simulator host start} in a process of its own, for the tests that kill it. */
final class HostProcess {

    private HostProcess() {
    }

    /**
     * Starts a host on {@code port} with its state in {@code dataDir/host} and {@code extra}
     * arguments; @return once it listens
     */
    static Process start(Path dataDir, int port, String... extra) throws Exception {
        Path hostDir = dataDir.resolve("host");
        Files.deleteIfExists(hostDir.resolve(HostCommand.PORT_FILE));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SimulatorMain.class.getName(), "host", "start", "--data-dir", dataDir.toString(), "--port",
                String.valueOf(port)));
        cmd.addAll(List.of(extra));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("host-" + System.nanoTime() + ".out").toFile()).start();
        try {
            Await.until(Duration.ofSeconds(60), () -> Files.exists(hostDir.resolve(HostCommand.PORT_FILE)) || !p.isAlive(),
                    "the host's port file, or the process's end");
            if (!p.isAlive()) {
                throw new AssertionError("host process ended with " + p.exitValue());
            }
        } catch (AssertionError notStarted) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("host process did not start (see " + dataDir + "/host-*.out): " + notStarted.getMessage(),
                    notStarted);
        }
        return p;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
