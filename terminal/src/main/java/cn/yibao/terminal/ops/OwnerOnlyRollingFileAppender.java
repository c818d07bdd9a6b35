package cn.yibao.terminal.ops;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * logback's rolling file appender, owner-only: each file it opens (the first, and the new one
 * after every roll-over) is made readable by its owner only, in a directory made so. It stays off
 * until a command names its data directory ({@link LogFiles#underDataDir}): no default file.
 */
public final class OwnerOnlyRollingFileAppender extends RollingFileAppender<ILoggingEvent> {

    @Override
    public void start() {
        if (System.getProperty(LogFiles.LOG_DIR_PROPERTY) == null) {
            addInfo("no data directory yet: the file log is off");
            return;
        }
        super.start();
    }

    @Override
    public void openFile(String fileName) throws IOException {
        Path file = Path.of(fileName).toAbsolutePath();
        if (file.getParent() != null) {
            LogFiles.ownerOnlyDirectory(file.getParent());
        }
        if (!Files.exists(file)) {
            try {
                // created owner-only, never readable by others for an instant
                Files.createFile(file, PosixFilePermissions.asFileAttribute(LogFiles.FILE_RIGHTS));
            } catch (FileAlreadyExistsException | UnsupportedOperationException e) {
                // made meanwhile, or no POSIX rights here: restricted below where possible
            }
        }
        super.openFile(fileName);
        LogFiles.restrict(file, LogFiles.FILE_RIGHTS);
    }
}
