package cn.yibao.simulator.vpcd;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A machine-wide lock held while a {@link PrivatePcscd} runs, so that a second test JVM or demo
 * waits for the first one's pcscd to stop instead of killing it. The operating system releases it
 * if the JVM dies.
 */
final class PcscdLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PcscdLock.class);
    static final Path MACHINE_LOCK = Path.of(System.getProperty("java.io.tmpdir"), "yibao-pcscd.lock");

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private PcscdLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    static PcscdLock acquire(Path file, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            boolean logged = false;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new PcscdLock(file, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("another process has held " + file + " for "
                            + timeout + ": a private pcscd is still running elsewhere on this machine");
                }
                if (!logged) {
                    LOG.info("waiting for another process's private pcscd to stop ({})", file);
                    logged = true;
                }
                PrivatePcscd.pause();
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot open " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    /** Releases the lock; idempotent. */
    @Override
    public void close() {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } catch (IOException e) {
            LOG.warn("cannot release {}: {}", file, e.getMessage());
        } finally {
            closeQuietly(channel);
        }
    }
}
