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
 * The terminal's host address, kept next to its keys as {@code host-link/host.properties}
 * ({@code host=HOST:PORT}), written by {@code terminal enrol --host}. No file: the counter works
 * offline, within the offline limit.
 */
public final class HostConfig {

    /** File name in the terminal's key directory. */
    public static final String FILE = "host.properties";

    private HostConfig() {
    }

    /** @return the configured host, if any */
    public static Optional<HostAddress> read(Path keyDir) {
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
            return Optional.of(HostAddress.parse(host));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(f + ": host=" + host + ": " + e.getMessage(), e);
        }
    }

    /** Writes (replacing atomically) the host address. */
    public static void write(Path keyDir, HostAddress address) {
        try {
            Files.createDirectories(keyDir);
            Path tmp = keyDir.resolve(FILE + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("# the central host of this terminal (terminal enrol --host HOST:PORT)\n");
                w.write("host=" + address + "\n");
            }
            Files.move(tmp, keyDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the host address in " + keyDir, e);
        }
    }
}
