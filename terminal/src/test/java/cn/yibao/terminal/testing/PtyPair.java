package cn.yibao.terminal.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A pair of connected pseudo-terminals made by {@code socat}: bytes written to one end arrive at
 * the other, as on a null-modem cable. Serial devices (receipt printer, customer display) are tested
 * with their simulator on one end and the terminal's jssc driver on the other.
 */
public final class PtyPair implements AutoCloseable {

    private static final Duration START_DEADLINE = Duration.ofSeconds(10);

    private final Process socat;
    private final Path left;
    private final Path right;

    private PtyPair(Process socat, Path left, Path right) {
        this.socat = socat;
        this.left = left;
        this.right = right;
    }

    /**
     * Starts socat and waits (polling, with a deadline) until both ends exist.
     *
     * @param dir a directory for the two symbolic links {@code left} and {@code right}
     */
    public static PtyPair open(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path left = dir.resolve("left");
        Path right = dir.resolve("right");
        Files.deleteIfExists(left);
        Files.deleteIfExists(right);
        Process socat;
        try {
            socat = new ProcessBuilder(List.of("socat",
                    "pty,raw,echo=0,link=" + left, "pty,raw,echo=0,link=" + right))
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("socat.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IOException("cannot start socat (install the Debian package 'socat'): " + e.getMessage(), e);
        }
        Process started = socat;
        try {
            Await.until(START_DEADLINE, () -> Files.exists(left) && Files.exists(right) || !started.isAlive(),
                    "socat's PTY pair " + left + " and " + right);
        } catch (AssertionError late) {
            socat.destroyForcibly();
            throw new IOException("socat made no PTY pair within " + START_DEADLINE, late);
        }
        if (!(Files.exists(left) && Files.exists(right))) {
            throw new IOException("socat exited with " + socat.exitValue() + "; see " + dir.resolve("socat.log"));
        }
        return new PtyPair(socat, left, right);
    }

    /** @return the real device path of the left end, e.g. {@code /dev/pts/3} */
    public String left() {
        return resolve(left);
    }

    /** @return the real device path of the right end */
    public String right() {
        return resolve(right);
    }

    private static String resolve(Path link) {
        try {
            return link.toRealPath().toString();
        } catch (IOException e) {
            throw new IllegalStateException("PTY end vanished: " + link, e);
        }
    }

    @Override
    public void close() {
        socat.destroy();
        try {
            if (!socat.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                socat.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            socat.destroyForcibly();
        }
    }
}
