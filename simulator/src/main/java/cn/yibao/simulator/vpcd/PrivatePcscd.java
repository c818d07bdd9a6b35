package cn.yibao.simulator.vpcd;

import cn.yibao.terminal.pcsc.PcscStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pcscd of our own, running in the foreground with a generated reader configuration that
 * declares one vsmartcard vpcd reader with two slots: slot 0 for the contactless card, slot 1 for
 * the PSAM. vpcd listens on {@link #port(int) port(slot)} for a virtual card to connect.
 *
 * <p>Used by integration tests, demos and benchmarks; a counter terminal uses the system's pcscd.
 * pcsc-lite 1.9.9 always serves {@code /run/pcscd/pcscd.comm}; {@link PcscdLaunch} explains how
 * this pcscd gets it: in a private mount namespace when {@code PCSCLITE_CSOCK_NAME} is set (as in
 * the build's integration tests), else by stopping the machine's pcscd.
 */
public final class PrivatePcscd implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PrivatePcscd.class);

    /** The vpcd driver shipped by Debian's {@code vsmartcard-vpcd}. */
    public static final Path VPCD_DRIVER = Path.of("/usr/lib/pcsc/drivers/serial/libifdvpcd.so");
    /** The daemon shipped by Debian's {@code pcscd}. */
    public static final Path PCSCD = Path.of("/usr/sbin/pcscd");
    /** The friendly name of the generated reader; pcsc-lite appends {@code " 00 <slot>"}. */
    public static final String FRIENDLY_NAME = "Virtual PCD";
    /** Slot of the contactless card. */
    public static final int CARD_SLOT = 0;
    /** Slot of the PSAM. */
    public static final int SAM_SLOT = 1;

    private static final int SLOTS = 2;
    private static final int PORT_LOW = 20_000;
    private static final int PORT_HIGH = 32_000;
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Process process;
    private final Path workDir;
    private final Path logFile;
    private final int basePort;
    private final PcscdLaunch launch;
    private final Thread shutdownHook;

    private PrivatePcscd(Process process, Path workDir, Path logFile, int basePort, PcscdLaunch launch) {
        this.process = process;
        this.workDir = workDir;
        this.logFile = logFile;
        this.basePort = basePort;
        this.launch = launch;
        this.shutdownHook = new Thread(process::destroy, "pcscd-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts pcscd and waits until pcsc-lite lists both vpcd readers.
     *
     * @param readyTimeout how long to wait for the readers once pcscd runs
     * @throws IllegalStateException with an installation hint if pcscd or the vpcd driver is
     *     missing, or with pcscd's log if it did not come up
     */
    public static PrivatePcscd start(Duration readyTimeout) {
        requireInstalled();
        PcscdLaunch launch;
        try {
            launch = PcscdLaunch.prepare();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare pcscd's socket directory: " + e.getMessage(), e);
        }
        try {
            Path workDir = Files.createTempDirectory("yibao-pcscd");
            Path configDir = Files.createDirectory(workDir.resolve("reader.conf.d"));
            int basePort = freePortPair();
            // pcscd parses EVERY file in the config directory: nothing else may live there.
            Files.writeString(configDir.resolve("vpcd"), readerConfig(basePort), StandardCharsets.US_ASCII);
            Path logFile = workDir.resolve("pcscd.log");
            Process process = new ProcessBuilder(launch.command(configDir))
                    .redirectErrorStream(true)
                    .redirectOutput(logFile.toFile())
                    .start();
            PrivatePcscd pcscd = new PrivatePcscd(process, workDir, logFile, basePort, launch);
            LOG.info("started {} pcscd pid {} with vpcd on ports {} and {}, log {}",
                    launch.isolated() ? "an isolated" : "the machine's", process.pid(), basePort, basePort + 1, logFile);
            try {
                pcscd.awaitReaders(readyTimeout);
            } catch (RuntimeException e) {
                pcscd.close();
                throw e;
            }
            return pcscd;
        } catch (IOException e) {
            launch.lock().close();
            throw new UncheckedIOException("cannot start pcscd: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            launch.lock().close();
            throw e;
        }
    }

    private static void requireInstalled() {
        requireInstalled(PCSCD, VPCD_DRIVER);
    }

    static void requireInstalled(Path pcscd, Path driver) {
        if (!Files.isExecutable(pcscd)) {
            throw new IllegalStateException("pcscd is not installed (" + pcscd + " missing):"
                    + " run 'apt-get install pcscd vsmartcard-vpcd pcsc-tools' as root");
        }
        if (!Files.isReadable(driver)) {
            throw new IllegalStateException("the vpcd driver is not installed (" + driver + " missing):"
                    + " run 'apt-get install vsmartcard-vpcd' as root");
        }
    }

    static String readerConfig(int basePort) {
        String channel = String.format("0x%04X", basePort);
        return "FRIENDLYNAME \"" + FRIENDLY_NAME + "\"\n"
                + "DEVICENAME /dev/null:" + channel + "\n"
                + "LIBPATH " + VPCD_DRIVER + "\n"
                + "CHANNELID " + channel + "\n";
    }

    /** Finds a port p such that p and p + 1 are both free on this machine. */
    private static int freePortPair() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(PORT_LOW, PORT_HIGH);
            if (isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IOException("no two consecutive free TCP ports in " + PORT_LOW + ".." + PORT_HIGH);
    }

    private static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(InetAddress.getByName("0.0.0.0"), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitReaders(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("pcscd exited with status " + process.exitValue()
                        + " before listing its readers (" + launch.hint() + "); its log:\n" + logTail());
            }
            PcscStatus status = PcscStatus.probe();
            if (status.readers().containsAll(readerNames())) {
                LOG.info("pcscd lists readers {}", status.readers());
                return;
            }
            last = status.readers().isEmpty() ? status.problem() : status.readers().toString();
            pause();
        }
        throw new IllegalStateException("pcscd did not list " + readerNames() + " within " + timeout
                + " (last answer: " + last + "); its log:\n" + logTail());
    }

    static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(50); // polling interval, bounded by the caller's deadline
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for pcscd", e);
        }
    }

    /** @return the TCP port vpcd listens on for the virtual card of {@code slot} (0 or 1) */
    public int port(int slot) {
        checkSlot(slot);
        return basePort + slot;
    }

    /** @return the PC/SC reader name of {@code slot} (0 or 1) */
    public String readerName(int slot) {
        checkSlot(slot);
        return readerName(FRIENDLY_NAME, slot);
    }

    /** The PC/SC name pcsc-lite gives to slot {@code slot} of the first reader named {@code friendlyName}. */
    public static String readerName(String friendlyName, int slot) {
        return friendlyName + " 00 0" + slot;
    }

    /** @return the reader names of both slots, card first */
    public List<String> readerNames() {
        return List.of(readerName(CARD_SLOT), readerName(SAM_SLOT));
    }

    /** @return pcscd's process id */
    public long pid() {
        return process.pid();
    }

    /** @return pcscd's standard output and error */
    public Path logFile() {
        return logFile;
    }

    /** @return whether pcscd is still running */
    public boolean isAlive() {
        return process.isAlive();
    }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) {
            throw new IllegalArgumentException("vpcd slot must be 0 (card) or 1 (PSAM), got " + slot);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Stops pcscd (SIGTERM, then SIGKILL after 5 s), deletes its files and releases the lock. */
    @Override
    public void close() {
        try {
            stop(process.toHandle(), STOP_TIMEOUT);
            LOG.info("stopped pcscd pid {}", process.pid());
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook runs anyway and is harmless
            }
            deleteTree(workDir);
        } finally {
            launch.lock().close();
        }
    }

    static void stop(ProcessHandle handle, Duration timeout) {
        handle.destroy();
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            LOG.warn("pcscd pid {} ignored SIGTERM for {}; killing it", handle.pid(), timeout);
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot wait for pcscd pid " + handle.pid(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
        }
    }

    private static void deleteTree(Path dir) {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", dir, e.getMessage());
        }
    }
}
