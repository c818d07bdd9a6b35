package cn.yibao.terminal.operator;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Operators' password hashes: Argon2id (RFC 9106) from Bouncy Castle, memory-hard, with the
 * parameters OWASP recommends as a minimum — 19 MiB of memory, 2 passes, 1 lane — a random 16-byte
 * salt and a 32-byte tag, kept as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<tag>}, unpadded Base64). The parameters travel
 * with each hash, so stronger ones later still verify the old hashes.
 */
public final class PasswordHash {

    /** Memory in KiB. */
    public static final int MEMORY_KIB = 19_456;
    /** Passes over the memory. */
    public static final int ITERATIONS = 2;
    /** Lanes. */
    public static final int PARALLELISM = 1;
    static final int SALT_BYTES = 16;
    static final int TAG_BYTES = 32;
    /** Longest password accepted (bytes of UTF-8): bounds the work an attacker can ask for. */
    public static final int MAX_PASSWORD_BYTES = 128;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{16,64})\\$([A-Za-z0-9+/]{16,128})");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordHash() {
    }

    /** @return the PHC string of {@code password} with a fresh salt and the current parameters */
    public static String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /** @return the PHC string of {@code password} with {@code salt} and the given parameters */
    static String hash(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism) {
        byte[] tag = tag(password, salt, memoryKib, iterations, parallelism, TAG_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$"
                + b64.encodeToString(salt) + "$" + b64.encodeToString(tag);
    }

    /** @return whether {@code password} matches the PHC string {@code stored} (constant-time compare) */
    public static boolean verify(char[] password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        int memory = Integer.parseInt(m.group(1));
        int iterations = Integer.parseInt(m.group(2));
        int parallelism = Integer.parseInt(m.group(3));
        if (memory < 8 * parallelism || memory > 1 << 20 || iterations < 1 || parallelism < 1) {
            return false;
        }
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(m.group(5));
        byte[] actual = tag(password, b64.decode(m.group(4)), memory, iterations, parallelism, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The raw Argon2id tag. */
    static byte[] tag(char[] password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt).withMemoryAsKB(memoryKib)
                .withIterations(iterations).withParallelism(parallelism).build();
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(params);
        byte[] bytes = utf8(password);
        byte[] out = new byte[length];
        try {
            gen.generateBytes(bytes, out);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
        return out;
    }

    /** @return the UTF-8 bytes of {@code password} (the caller wipes them) */
    static byte[] utf8(char[] password) {
        java.nio.ByteBuffer buf = java.nio.charset.StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password));
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        if (buf.hasArray()) {
            Arrays.fill(buf.array(), (byte) 0);
        }
        return bytes;
    }
}
