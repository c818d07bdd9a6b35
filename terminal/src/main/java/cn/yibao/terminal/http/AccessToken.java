package cn.yibao.terminal.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The API's access token: 32 random bytes, base64url, generated on first start into
 * {@code <data dir>/api-token} readable by the owner only, and compared in constant time.
 */
public final class AccessToken {

    /** File name of the token inside the data directory. */
    public static final String FILE = "api-token";

    private final byte[] token;

    private AccessToken(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the token stored in {@code dataDir}, created (owner-only) if there is none */
    public static AccessToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            String fresh = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, fresh + "\n", StandardCharsets.US_ASCII);
            } catch (FileAlreadyExistsException raced) {
                // another process created it first: use theirs
            }
        }
        String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
        if (stored.length() < 32 || stored.length() > 128) {
            throw new IOException("the access token in " + file + " is malformed; delete it to generate a new one");
        }
        return new AccessToken(stored);
    }

    /** @return a token from its text (for tests and for clients) */
    public static AccessToken of(String text) {
        return new AccessToken(text);
    }

    /** @return whether {@code offered} is this token; constant time in the token's content */
    public boolean matches(String offered) {
        return offered != null && MessageDigest.isEqual(token, offered.getBytes(StandardCharsets.US_ASCII));
    }

    /** @return the token's text, for the command that prints it */
    public String value() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "AccessToken[***]";
    }
}
