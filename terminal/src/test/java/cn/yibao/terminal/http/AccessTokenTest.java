package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {

    @Test
    void generatedOnceOwnerOnlyAndStable(@TempDir Path dir) throws IOException {
        AccessToken first = AccessToken.loadOrCreate(dir);
        Path file = dir.resolve(AccessToken.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(43, first.value().length());
        assertEquals(first.value(), AccessToken.loadOrCreate(dir).value());
        assertTrue(first.matches(first.value()));
        assertFalse(first.matches(first.value() + "x"));
        assertFalse(first.matches(null));
        assertEquals("AccessToken[***]", first.toString());
    }

    @Test
    void aMalformedTokenFileIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(AccessToken.FILE), "short\n");
        IOException e = assertThrows(IOException.class, () -> AccessToken.loadOrCreate(dir));
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
    }
}
