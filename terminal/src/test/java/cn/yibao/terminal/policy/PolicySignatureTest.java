package cn.yibao.terminal.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.json.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Host-signed packs are verified before use; tampered, unknown or unsigned packs are refused. */
class PolicySignatureTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final PolicyPackSigner.SigningKey HOST = PolicyPackSigner.generate("host-2026", RANDOM);

    static PolicyTrust trustHost() {
        Map.Entry<String, byte[]> key = PolicyTrust.readKeyFile(PolicyPackSigner.publicKeyFile(HOST));
        return PolicyTrust.of(Map.of(key.getKey(), key.getValue()));
    }

    static String signedBundled() {
        return new String(PolicyPackSigner.sign(PolicyPacks.changchun2010Bytes(), HOST, RANDOM),
                StandardCharsets.UTF_8);
    }

    static PolicyRefusal refusal(String file, PolicyTrust trust) {
        return assertThrows(PolicyRefusedException.class,
                () -> PolicyPackLoader.load(file.getBytes(StandardCharsets.UTF_8), trust)).refusal();
    }

    @Test
    void signedPackVerifiesAndEqualsTheUnsignedOne() {
        PolicyPack pack = PolicyPackLoader.load(signedBundled().getBytes(StandardCharsets.UTF_8), trustHost());
        assertEquals(PolicyPacks.changchun2010(), pack);
    }

    @Test
    void reformattingTheEnvelopeKeepsTheSignatureValid() {
        String compact = signedBundled().replaceAll("\\n\\s*", "");
        assertEquals(PolicyPacks.changchun2010(),
                PolicyPackLoader.load(compact.getBytes(StandardCharsets.UTF_8), trustHost()));
    }

    @Test
    void tamperedPackIsRefused() {
        String tampered = signedBundled().replace("\"0.12\"", "\"0.02\"");
        assertEquals(PolicyRefusal.POLICY_SIGNATURE_INVALID, refusal(tampered, trustHost()));
        String extended = signedBundled().replaceFirst("\"effective_to\"\\s*:\\s*null", "\"effective_to\": \"2099-12-31\"");
        assertTrue(extended.contains("2099-12-31"));
        assertEquals(PolicyRefusal.POLICY_SIGNATURE_INVALID, refusal(extended, trustHost()));
    }

    @Test
    void otherSignerIsRefused() {
        PolicyPackSigner.SigningKey rogue = PolicyPackSigner.generate("host-2026", RANDOM);
        String forged = new String(PolicyPackSigner.sign(PolicyPacks.changchun2010Bytes(), rogue, RANDOM),
                StandardCharsets.UTF_8);
        assertEquals(PolicyRefusal.POLICY_SIGNATURE_INVALID, refusal(forged, trustHost()));
        assertEquals(PolicyRefusal.POLICY_SIGNER_UNKNOWN,
                refusal(signedBundled().replace("\"host-2026\"", "\"host-9\""), trustHost()));
        assertEquals(PolicyRefusal.POLICY_SIGNER_UNKNOWN, refusal(signedBundled(), PolicyTrust.none()));
    }

    @Test
    void unsignedPackIsRefusedWhenSignaturesAreRequired() {
        assertEquals(PolicyRefusal.POLICY_UNSIGNED,
                refusal(new String(PolicyPacks.changchun2010Bytes(), StandardCharsets.UTF_8), trustHost()));
    }

    @Test
    void aNumberTheCanonicalFormCannotHoldIsBadInput() {
        String huge = signedBundled().replaceFirst("\"effective_to\"\\s*:\\s*null", "\"effective_to\": 1e999999");
        assertTrue(huge.contains("1e999999"));
        String message = assertThrows(InvalidInputException.class,
                () -> PolicyPackLoader.load(huge.getBytes(StandardCharsets.UTF_8), trustHost())).getMessage();
        assertTrue(message.startsWith("canonical JSON: number out of range"), message);
    }

    @Test
    void malformedEnvelopeIsBadInput() {
        String bad = signedBundled().replace("\"SM2-SM3\"", "\"RSA\"");
        String message = assertThrows(InvalidInputException.class,
                () -> PolicyPackLoader.load(bad.getBytes(StandardCharsets.UTF_8), trustHost())).getMessage();
        assertTrue(message.startsWith("signature.algorithm: expected"), message);
    }

    @Test
    void malformedKeyFilesAreBadInput() {
        for (String file : new String[] {"{\"key_id\": \"k\", \"public_key\": \"04zz\"}",
            "{\"key_id\": \"k\", \"public_key\": \"0400\"}", "{\"key_id\": \"k\"}", "[]"}) {
            assertThrows(InvalidInputException.class,
                    () -> PolicyTrust.readKeyFile(file.getBytes(StandardCharsets.UTF_8)), file);
        }
    }

    @Test
    void signerRefusesToSignABrokenPack() {
        byte[] broken = new String(PolicyPacks.changchun2010Bytes(), StandardCharsets.UTF_8)
                .replace("\"REHAB\": \"400.00\"", "\"REHAB\": \"-1\"").getBytes(StandardCharsets.UTF_8);
        assertThrows(InvalidInputException.class, () -> PolicyPackSigner.sign(broken, HOST, RANDOM));
    }

    @Test
    void signingKeyHidesItsSecret() {
        assertEquals("SigningKey[host-2026]", HOST.toString());
        assertEquals(HOST, new PolicyPackSigner.SigningKey("host-2026", HOST.privateKey()));
    }
}
