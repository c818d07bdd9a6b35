package cn.yibao.terminal.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Each command logs under its own data directory ({@code logs/}, 0700, files 0600), never in a
 * shared file; a failed command prints one line, its stack trace goes to that file only.
 */
class LogFilesTest {

    @TempDir
    Path dir;

    @Test
    void theLogIsInTheDataDirectoryOwnerOnly() throws Exception {
        Path data = Cli.dataDir(dir.resolve("data"), "logtest");
        String marker = "log line " + System.nanoTime();
        LoggerFactory.getLogger(LogFilesTest.class).info(marker);
        Path logs = data.resolve("logs");
        Path file = LogFiles.current();
        assertEquals(logs.toAbsolutePath(), file.getParent(), "the log file is under the data directory");
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains(marker), "the line is in " + file);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(logs)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFileOpenedAtRollOverIsOwnerOnlyToo() throws Exception {
        Cli.dataDir(dir.resolve("data"), "logtest");
        OwnerOnlyRollingFileAppender appender = new OwnerOnlyRollingFileAppender();
        appender.setContext((ch.qos.logback.core.Context) LoggerFactory.getILoggerFactory());
        Path rolled = dir.resolve("elsewhere/new.log");
        appender.openFile(rolled.toString());
        try {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rolled)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(rolled.getParent())));
        } finally {
            appender.stop();
        }
    }

    @Command(name = "fails")
    static final class Fails implements Callable<Integer> {
        @CommandLine.Option(names = "--data-dir")
        Path dataDir;

        @Override
        public Integer call() throws Exception {
            Cli.dataDir(dataDir, "logtest");
            throw new IllegalStateException("the thing to fix", new java.io.IOException("deeper cause"));
        }
    }

    @Test
    void aFailedCommandPrintsOneLineAndLogsTheTraceToTheFileOnly() throws Exception {
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        java.io.PrintStream was = System.err;
        StringWriter err = new StringWriter();
        int rc;
        System.setErr(new java.io.PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            LogFiles.reconfigure(); // the console appender writes to the System.err of its start
            CommandLine cl = Cli.commandLine(new Fails());
            cl.setErr(new PrintWriter(err, true));
            rc = cl.execute("--data-dir", dir.resolve("data").toString());
        } finally {
            System.setErr(was);
            LogFiles.reconfigure();
        }
        assertEquals(1, rc);
        String shown = err.toString().strip();
        assertEquals(1, shown.lines().count(), "err [" + shown + "] console [" + console + "]");
        assertTrue(shown.startsWith("error: IllegalStateException: the thing to fix (details in "), shown);
        String log = Files.readString(LogFiles.current(), StandardCharsets.UTF_8);
        assertTrue(log.contains("deeper cause") && log.contains("\tat "), "the trace is in the file");
        assertFalse(console.toString(StandardCharsets.UTF_8).contains("\tat "), "no trace on the console: " + console);
    }
}
