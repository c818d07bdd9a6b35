package cn.yibao.terminal.counter.host;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The terminal's host addresses, kept next to its keys as {@code host-link/host.properties}
 * ({@code host=HOST:PORT}, or several in order of preference: {@code host=hostA:7443,hostB:7443}),
 * written by {@code terminal enrol --host}. No file: the counter works offline, within the offline
 * limit.
 */
public final class HostConfig {

    /** File name in the terminal's key directory. */
    public static final String FILE = "host.properties";

    private HostConfig() {
    }

    /** @return the directory of the terminal's host-link keys */
    public static Path keyDir(Path terminalDataDir) {
        return terminalDataDir.resolve("host-link");
    }

    /** @return the configured host addresses, if any */
    public static Optional<HostAddresses> read(Path keyDir) {
        Path f = keyDir.resolve(FILE);
        if (!Files.exists(f)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + f, e);
        }
        String host = p.getProperty("host", "").trim();
        if (host.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HostAddresses.parse(host));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f + ": host=" + host + ": " + e.getMessage(), e);
        }
    }

    /** Writes (replacing atomically) the one host address. */
    public static void write(Path keyDir, HostAddress address) {
        write(keyDir, HostAddresses.of(address));
    }

    /** Writes (replacing atomically) the host addresses. */
    public static void write(Path keyDir, HostAddresses addresses) {
        try {
            Files.createDirectories(keyDir);
            Path tmp = keyDir.resolve(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# the central host of this terminal, in order of preference\n");
                w.write("# (terminal enrol --host HOST:PORT[,HOST:PORT...])\n");
                w.write("host=" + addresses + "\n");
            }
            Files.move(tmp, keyDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the host address in " + keyDir, e);
        }
    }

    /** File in the key directory naming the address the running counter signed in to last, and when. */
    public static final String IN_USE_FILE = "host-in-use";

    /** Notes (best effort) that the running counter signed in to {@code address} at {@code at}. */
    public static void writeInUse(Path keyDir, HostAddress address, java.time.Instant at) {
        try {
            Path tmp = keyDir.resolve(IN_USE_FILE + ".tmp");
            Files.writeString(tmp, address + " " + at + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, keyDir.resolve(IN_USE_FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // only for terminal status: the link goes on
        }
    }

    /** @return what {@link #writeInUse} last wrote ("HOST:PORT INSTANT"), if anything */
    public static Optional<String> readInUse(Path keyDir) {
        Path f = keyDir.resolve(IN_USE_FILE);
        try {
            if (!Files.isRegularFile(f) || Files.size(f) > 1_000) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(f, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
