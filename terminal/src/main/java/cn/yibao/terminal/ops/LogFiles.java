package cn.yibao.terminal.ops;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Where each command's log goes: {@code logs/} in its data directory, owner-only (0700, files
 * 0600), rolled by size ({@code logback.xml}). Until a command has resolved its data directory the
 * file log is off (the console still shows warnings): there is no shared default file.
 */
public final class LogFiles {

    /** System property read by logback.xml for the log directory. */
    public static final String LOG_DIR_PROPERTY = "yibao.log.dir";
    /** System property read by logback.xml for the log file's base name. */
    public static final String APP_PROPERTY = "yibao.app";
    /** Logger whose events go to the log file only, never to the console: stack traces of failed commands. */
    public static final String FILE_ONLY_LOGGER = "yibao.file-only";

    static final Set<PosixFilePermission> DIR_RIGHTS = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE_RIGHTS = PosixFilePermissions.fromString("rw-------");

    private LogFiles() {
    }

    /**
     * Sends the file log to {@code logs/} under {@code dataDir} (created owner-only), reconfiguring
     * logging if it went elsewhere.
     *
     * @return the log directory
     */
    public static synchronized Path underDataDir(Path dataDir) {
        Path logs = dataDir.toAbsolutePath().resolve("logs");
        ownerOnlyDirectory(logs);
        String before = System.getProperty(LOG_DIR_PROPERTY);
        System.setProperty(LOG_DIR_PROPERTY, logs.toString());
        if (!logs.toString().equals(before)) {
            reconfigure();
        }
        return logs;
    }

    /** @return the file the log goes to now, or null before a data directory was given */
    public static Path current() {
        String dir = System.getProperty(LOG_DIR_PROPERTY);
        return dir == null ? null : Path.of(dir, System.getProperty(APP_PROPERTY, "yibao") + ".log");
    }

    /** Re-reads logback.xml, so that the file appender opens the file the properties name now. */
    static void reconfigure() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        URL config = LogFiles.class.getResource("/logback.xml");
        if (!(factory instanceof LoggerContext ctx) || config == null) {
            return;
        }
        ctx.reset();
        JoranConfigurator joran = new JoranConfigurator();
        joran.setContext(ctx);
        try {
            joran.doConfigure(config);
        } catch (JoranException e) {
            throw new IllegalStateException("logback.xml: " + e.getMessage(), e);
        }
    }

    static void ownerOnlyDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            restrict(dir, DIR_RIGHTS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the log directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Sets {@code rights} on {@code path} where the file system has POSIX rights. */
    static void restrict(Path path, Set<PosixFilePermission> rights) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, rights);
        }
    }
}
