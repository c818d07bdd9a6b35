package cn.yibao.terminal.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The terminal's SQLite files (journal, card lists, msgid bindings): readable by their owner only. */
public final class OwnerOnlySqlite {

    private OwnerOnlySqlite() {
    }

    /**
     * @return a connection to the SQLite file {@code file}, which is created (with its directory)
     *         mode 0600 when it does not exist yet
     */
    public static Connection connect(Path file) throws IOException, SQLException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }
}
