package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.cli.SimulatorMain;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code host start} against a database endpoint that accepts connections and never answers (a
 * hung server, a firewall that black-holes): the host gives up within 30 s with one line naming the
 * address and the role, no stack trace on the console, and exit code 1.
 */
class SilentDatabaseIT {

    @TempDir
    Path dir;

    @Test
    void hostStartAgainstASilentDatabaseExitsWithinThirtySecondsNamingTheAddress() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!silent.isClosed()) {
                    try {
                        held.add(silent.accept()); // accepted, never read from, never written to
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-db");
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "postgresql://127.0.0.1:" + silent.getLocalPort() + "/yibao_host?user=yibao_op&password=s3cret";
            Path out = dir.resolve("host.out");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), SimulatorMain.class.getName(),
                    "host", "start", "--data-dir", dir.resolve("data").toString(), "--port", "0", "--store", url)
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            long t0 = System.nanoTime();
            boolean exited = p.waitFor(30, TimeUnit.SECONDS);
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            if (!exited) {
                p.destroyForcibly().waitFor();
            }
            String console = Files.readString(out, StandardCharsets.UTF_8);
            assertTrue(exited, "host start still running after 30 s: " + console);
            assertEquals(1, p.exitValue(), console);
            assertFalse(held.isEmpty(), "the host did connect to the silent endpoint");
            assertFalse(Files.exists(dir.resolve("data/simulator/host/pki")), "nothing created before the store answered");
            List<String> lines = console.strip().lines().toList();
            assertEquals(1, lines.size(), "one line, no stack trace:\n" + console);
            String line = lines.get(0);
            assertTrue(line.startsWith("error: cannot connect to the host store jdbc:postgresql://127.0.0.1:"
                    + silent.getLocalPort() + "/yibao_host as role yibao_op: "), line);
            assertFalse(line.contains("s3cret"), "no password: " + line);
            assertFalse(console.contains("\tat ") || console.contains("Exception"), console);
            System.out.printf("host start against a silent database exited after %d ms: %s%n", ms, line);
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
