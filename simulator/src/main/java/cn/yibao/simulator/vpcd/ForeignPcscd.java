package cn.yibao.simulator.vpcd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and stops pcscd processes that a {@link PrivatePcscd} did not start: the system service
 * (socket-activated or not) or a leftover. pcsc-lite 1.9.9 always serves
 * {@code /run/pcscd/pcscd.comm}, so two cannot run together. Stopping needs root, as on test
 * machines. The system property {@value #POLICY_PROPERTY} chooses: {@code stop} (the default),
 * {@code wait} (until the other pcscd exits, for machines shared with other people's pcscd) or
 * {@code fail}.
 */
final class ForeignPcscd {

    private static final Logger LOG = LoggerFactory.getLogger(ForeignPcscd.class);
    static final String POLICY_PROPERTY = "yibao.pcscd.foreign";

    private ForeignPcscd() {
    }

    /** @return the process ids of every pcscd serving this mount namespace's /run/pcscd */
    static List<Long> running() {
        String ownNamespace = mountNamespace(Path.of("/proc/self"));
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(ForeignPcscd::isPcscd)
                    .filter(p -> ownNamespace.equals(mountNamespace(p))) // isolated ones do not conflict
                    .map(p -> Long.parseLong(p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes in /proc: " + e.getMessage(), e);
        }
    }

    private static String mountNamespace(Path proc) {
        try {
            return Files.readSymbolicLink(proc.resolve("ns/mnt")).toString();
        } catch (IOException | RuntimeException gone) {
            return "";
        }
    }

    private static boolean isPcscd(Path proc) {
        try {
            return Files.readString(proc.resolve("comm"), StandardCharsets.UTF_8).strip().equals("pcscd");
        } catch (IOException | RuntimeException gone) {
            return false;
        }
    }

    /** Stops every running pcscd, waits for them to exit or refuses, as {@value #POLICY_PROPERTY} says. */
    static void clear(Duration waitTimeout) {
        List<Long> pids = running();
        if (pids.isEmpty()) {
            return;
        }
        String policy = System.getProperty(POLICY_PROPERTY, "stop");
        switch (policy) {
            case "stop" -> stopAll(pids);
            case "wait" -> awaitExit(pids, waitTimeout);
            case "fail" -> throw new IllegalStateException("another pcscd is running (pid " + pids + ") and only one"
                    + " can run per machine; stop it (systemctl stop pcscd.socket pcscd.service) or set -D"
                    + POLICY_PROPERTY + "=stop");
            default -> throw new IllegalArgumentException(POLICY_PROPERTY + " must be stop, wait or fail, not "
                    + policy);
        }
    }

    private static void stopAll(List<Long> pids) {
        LOG.warn("another pcscd is running (pid {}); stopping it, since only one pcscd can run per machine", pids);
        if (Files.isDirectory(Path.of("/run/systemd/system"))) {
            stopSystemdUnits();
        }
        for (long pid : running()) {
            ProcessHandle.of(pid).ifPresent(h -> PrivatePcscd.stop(h, Duration.ofSeconds(5)));
        }
        List<Long> left = running();
        if (!left.isEmpty()) {
            throw new IllegalStateException("cannot stop pcscd pid " + left + " (are we root?)");
        }
    }

    private static void awaitExit(List<Long> pids, Duration timeout) {
        LOG.warn("another pcscd is running (pid {}); waiting up to {} for it to exit ({}=wait)", pids, timeout,
                POLICY_PROPERTY);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!running().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("pcscd pid " + running() + " still runs after " + timeout
                        + "; only one pcscd can run per machine");
            }
            PrivatePcscd.pause();
        }
    }

    /** A socket-activated pcscd would come back at the first client: stop the socket unit too. */
    private static void stopSystemdUnits() {
        try {
            Process p = new ProcessBuilder("systemctl", "stop", "pcscd.socket", "pcscd.service")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly();
                LOG.warn("systemctl stop pcscd did not finish within 10 s");
            }
        } catch (IOException e) {
            LOG.warn("cannot run systemctl to stop pcscd: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
