package cn.yibao.simulator.vpcd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a {@link PrivatePcscd} gets the one socket path pcsc-lite 1.9.9 serves,
 * {@code /run/pcscd/pcscd.comm}.
 *
 * <ul>
 *   <li><b>Isolated</b>, when the environment sets {@value #SOCKET_ENV} (the client library then
 *       talks to that socket): pcscd runs in a private mount namespace ({@code unshare --mount},
 *       needs root) where the socket's directory is bind-mounted over {@code /run/pcscd}. Any
 *       number of these run side by side, next to the machine's own pcscd; a lock file in the
 *       directory keeps two JVMs from sharing one. The build sets the variable for integration tests.
 *       Where mount namespaces are not allowed (not root, an unprivileged container), pcscd serves
 *       {@code /run/pcscd} as below and that socket path becomes a symbolic link to it.
 *   <li><b>Machine-wide</b> otherwise: pcscd serves {@code /run/pcscd}, so any other pcscd in this
 *       mount namespace is stopped first (see {@link ForeignPcscd}) and a machine-wide lock file
 *       makes a second JVM wait for the first one's private pcscd.
 * </ul>
 */
record PcscdLaunch(Path socketDir, PcscdLock lock) {

    private static final Logger LOG = LoggerFactory.getLogger(PcscdLaunch.class);

    /** The client library's variable for the socket path (the daemon ignores it). */
    static final String SOCKET_ENV = "PCSCLITE_CSOCK_NAME";
    static final Path SYSTEM_SOCKET_DIR = Path.of("/run/pcscd");
    /** Set to {@code false} to serve /run/pcscd (and link the socket path to it) even where isolation works. */
    static final String ISOLATE_PROPERTY = "yibao.pcscd.isolate";
    private static final Duration OTHERS_TIMEOUT = Duration.ofMinutes(10);

    /** Chooses the mode from the environment, takes the lock and clears the way. */
    static PcscdLaunch prepare() throws IOException {
        String socket = System.getenv(SOCKET_ENV);
        if (socket != null && !socket.isBlank()) {
            Path dir = Path.of(socket).toAbsolutePath().getParent();
            if (!Path.of(socket).getFileName().toString().equals("pcscd.comm")) {
                throw new IllegalStateException(SOCKET_ENV + " must end in /pcscd.comm for an isolated pcscd, got "
                        + socket);
            }
            if (socket.length() > 100) {
                throw new IllegalStateException(SOCKET_ENV + " is longer than a Unix socket path may be (100): " + socket);
            }
            Files.createDirectories(dir);
            if (Boolean.parseBoolean(System.getProperty(ISOLATE_PROPERTY, "true")) && canUnshare()) {
                PcscdLock lock = PcscdLock.acquire(dir.resolve("pcscd.lock"), OTHERS_TIMEOUT);
                Files.deleteIfExists(dir.resolve("pcscd.comm")); // left by a pcscd killed with its JVM
                Files.deleteIfExists(dir.resolve("pcscd.pid"));
                return new PcscdLaunch(dir, lock);
            }
            PcscdLaunch machineWide = machineWide();
            LOG.warn("no private mount namespace here (unshare --mount failed: not root?); pcscd serves {} and {} "
                    + "links to it", SYSTEM_SOCKET_DIR, socket);
            try {
                Files.deleteIfExists(Path.of(socket));
                Files.createSymbolicLink(Path.of(socket), SYSTEM_SOCKET_DIR.resolve("pcscd.comm"));
            } catch (IOException e) {
                machineWide.lock().close();
                throw e;
            }
            return machineWide;
        }
        return machineWide();
    }

    private static PcscdLaunch machineWide() {
        PcscdLock lock = PcscdLock.acquire(PcscdLock.MACHINE_LOCK, OTHERS_TIMEOUT);
        try {
            ForeignPcscd.clear(OTHERS_TIMEOUT);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new PcscdLaunch(SYSTEM_SOCKET_DIR, lock);
    }

    /** Whether this process may make a private mount namespace (root, not in a locked-down container). */
    private static boolean canUnshare() {
        try {
            Process probe = new ProcessBuilder("unshare", "--mount", "--propagation", "private", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(5, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return false;
            }
            return probe.exitValue() == 0;
        } catch (IOException e) {
            return false; // no unshare (util-linux) here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isolated() {
        return !socketDir.equals(SYSTEM_SOCKET_DIR);
    }

    /** The command line that runs pcscd in the foreground with readers from {@code configDir}. */
    List<String> command(Path configDir) throws IOException {
        List<String> pcscd = List.of(PrivatePcscd.PCSCD.toString(), "--foreground", "--config", configDir.toString());
        if (!isolated()) {
            return pcscd;
        }
        Files.createDirectories(SYSTEM_SOCKET_DIR); // the mount point
        return List.of("unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                "mount --bind \"$0\" " + SYSTEM_SOCKET_DIR + " && exec \"$@\"", socketDir.toString(),
                pcscd.get(0), pcscd.get(1), pcscd.get(2), pcscd.get(3));
    }

    /** A hint for when pcscd did not come up. */
    String hint() {
        return isolated()
                ? "isolated pcscd (" + SOCKET_ENV + "=" + socketDir.resolve("pcscd.comm")
                        + ") needs root for unshare --mount; unset " + SOCKET_ENV + " to use /run/pcscd"
                : "pcscd serves " + SYSTEM_SOCKET_DIR + "/pcscd.comm";
    }
}
