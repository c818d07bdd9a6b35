package cn.yibao.terminal.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The API's access token: 32 random bytes, base64url, generated on first start into
 * {@code <data dir>/api-token} readable by the owner only, and compared in constant time.
 */
public final class AccessToken {

    /** File name of the token inside the data directory. */
    public static final String FILE = "api-token";

    /** How long a printed console login link can be used (once). */
    public static final Duration TICKET_LIFETIME = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] token;

    private AccessToken(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the token stored in {@code dataDir}, created (owner-only) if there is none */
    public static AccessToken loadOrCreate(Path dataDir) throws IOException {
        Path file = dataDir.resolve(FILE);
        if (!Files.exists(file)) {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
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

    /**
     * A console login link's ticket: single use, valid for {@link #TICKET_LIFETIME}, signed with this
     * token (HMAC-SHA256), so that any process that can read the token file can print a link and the
     * token itself never appears in a URL.
     *
     * @return {@code base64url(expiry seconds (8) || nonce (16) || HMAC (32))}
     */
    public String loginTicket(Clock clock) {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        ByteBuffer body = ByteBuffer.allocate(24).putLong(clock.instant().plus(TICKET_LIFETIME).getEpochSecond()).put(nonce);
        ByteBuffer ticket = ByteBuffer.allocate(56).put(body.array()).put(mac(body.array()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(ticket.array());
    }

    /** A verified login ticket: when it expires and its nonce (to refuse a second use). */
    record Ticket(Instant expiry, String nonce) {
    }

    /** @return the ticket if this token signed it and it has not expired, else empty */
    Optional<Ticket> verifyTicket(String text, Clock clock) {
        byte[] raw;
        try {
            raw = text == null || text.length() > 100 ? null : Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            raw = null;
        }
        if (raw == null || raw.length != 56) {
            return Optional.empty();
        }
        byte[] body = Arrays.copyOf(raw, 24);
        if (!MessageDigest.isEqual(mac(body), Arrays.copyOfRange(raw, 24, 56))) {
            return Optional.empty();
        }
        Instant expiry = Instant.ofEpochSecond(ByteBuffer.wrap(body).getLong());
        Instant now = clock.instant();
        if (!expiry.isAfter(now) || expiry.isAfter(now.plus(TICKET_LIFETIME).plusSeconds(5))) {
            return Optional.empty();
        }
        return Optional.of(new Ticket(expiry, Base64.getUrlEncoder().encodeToString(Arrays.copyOfRange(body, 8, 24))));
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            mac.update("yibao console login ticket\n".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
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
