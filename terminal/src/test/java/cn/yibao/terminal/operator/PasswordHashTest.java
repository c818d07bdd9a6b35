package cn.yibao.terminal.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class PasswordHashTest {

    /** RFC 9106 §5.3: the Argon2id test vector, through the same generator the hashes use. */
    @Test
    void rfc9106Argon2idVector() {
        byte[] password = filled(32, 1);
        Argon2Parameters p = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(filled(16, 2)).withSecret(filled(8, 3))
                .withAdditional(filled(12, 4)).withMemoryAsKB(32).withIterations(3).withParallelism(4).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(p);
        byte[] tag = new byte[32];
        g.generateBytes(password, tag);
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HexFormat.of().formatHex(tag));
    }

    /**
     * Known answer for the parameters operators' passwords are hashed with (Argon2id v1.3,
     * m=19456 KiB, t=2, p=1, 32-byte tag), the same as the reference implementation's command line
     * (Debian {@code argon2}) gives:
     * {@code echo -n 123456 | argon2 yibao-salt-16byt -id -k 19456 -t 2 -p 1 -l 32 -e}.
     */
    @Test
    void knownAnswerForTheOperatorParameters() {
        assertEquals(19_456, PasswordHash.MEMORY_KIB);
        assertEquals(2, PasswordHash.ITERATIONS);
        assertEquals(1, PasswordHash.PARALLELISM);
        String phc = PasswordHash.hash("123456".toCharArray(), "yibao-salt-16byt".getBytes(StandardCharsets.US_ASCII),
                PasswordHash.MEMORY_KIB, PasswordHash.ITERATIONS, PasswordHash.PARALLELISM);
        assertEquals("$argon2id$v=19$m=19456,t=2,p=1$eWliYW8tc2FsdC0xNmJ5dA$0qCALCBn0Xgi6Tz/twBbuzROppRtGD+ygUzm+sA8JZU",
                phc);
        assertTrue(PasswordHash.verify("123456".toCharArray(), phc));
    }

    @Test
    void freshSaltsAndVerification() {
        String a = PasswordHash.hash("s3cret-pw".toCharArray());
        String b = PasswordHash.hash("s3cret-pw".toCharArray());
        assertNotEquals(a, b, "a fresh salt each time");
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertFalse(a.contains("s3cret"), a);
        assertTrue(PasswordHash.verify("s3cret-pw".toCharArray(), a));
        assertFalse(PasswordHash.verify("s3cret-pW".toCharArray(), a));
        assertFalse(PasswordHash.verify("s3cret-pw".toCharArray(), "plain"));
        assertFalse(PasswordHash.verify("s3cret-pw".toCharArray(), null));
        // a stored string asking for absurd memory is refused, not run
        assertFalse(PasswordHash.verify("x".toCharArray(), a.replace("m=19456", "m=9999999")));
    }

    private static byte[] filled(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
