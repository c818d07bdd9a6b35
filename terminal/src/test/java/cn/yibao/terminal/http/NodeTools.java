package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.fail;

import cn.yibao.terminal.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outside tools the contract tests run (Redocly's linter, Prism's validating proxy), installed
 * by {@code scripts/test.sh} with {@code npm ci} into {@code target/npm} at the repository's root,
 * and the processes they and {@code terminal serve} run as. A missing tool fails the test: the
 * test command installs them, so their absence is a broken setup, not a reason to skip.
 */
public final class NodeTools {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path OPENAPI = ROOT.resolve("docs/openapi.yaml");

    private NodeTools() {
    }

    /** @return the installed executable {@code name} of the npm tools */
    public static Path bin(String name) {
        Path bin = ROOT.resolve("target/npm/node_modules/.bin").resolve(name);
        if (!Files.isExecutable(bin)) {
            fail(bin + " is missing: run scripts/test.sh, which installs Node.js (Debian nodejs, npm) and the pinned"
                    + " npm tools of scripts/npm/package-lock.json with npm ci into target/npm");
        }
        return bin;
    }

    /** @return a TCP port free on 127.0.0.1 a moment ago */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** A child process whose output goes to a file, stopped on close. */
    public static final class Proc implements AutoCloseable {
        public final Process process;
        public final Path log;

        public Proc(List<String> command, Path log) throws IOException {
            Files.createDirectories(log.getParent());
            this.log = log;
            this.process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        }

        /** Polls the output until {@code pattern} matches, within {@code timeout}; @return the match */
        public Matcher await(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
            Matcher[] match = new Matcher[1];
            Await.until(timeout, () -> {
                Matcher m = pattern.matcher(outputNow());
                if (m.find()) {
                    match[0] = m;
                }
                return match[0] != null || !process.isAlive();
            }, () -> "the output to match " + pattern + ":\n" + outputNow());
            if (match[0] == null) {
                fail("exited with " + process.exitValue() + " before printing " + pattern + ":\n" + output());
            }
            return match[0];
        }

        private String outputNow() {
            try {
                return output();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String output() throws IOException {
            return Files.readString(log, StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            List<ProcessHandle> children = process.descendants().toList();
            children.forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    children.forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
