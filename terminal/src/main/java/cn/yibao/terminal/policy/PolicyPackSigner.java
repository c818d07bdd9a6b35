package cn.yibao.terminal.policy;

import cn.yibao.hostlink.crypto.Sm2;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.InvalidInputException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.util.encoders.Hex;

/**
 * Signs policy packs (used by the host and the host simulator): wraps a pack in the signed
 * envelope that {@link PolicyPackLoader} verifies, and writes the public-key file a terminal
 * trusts.
 */
public final class PolicyPackSigner {

    private PolicyPackSigner() {
    }

    /**
     * A host signing key.
     *
     * @param keyId      the name terminals know the key by
     * @param privateKey the 32-byte SM2 private scalar
     */
    public record SigningKey(String keyId, byte[] privateKey) {

        public SigningKey {
            if (keyId == null || keyId.isBlank() || keyId.length() > 64) {
                throw new IllegalArgumentException("key id: 1 to 64 characters required");
            }
            Sm2.publicKeyOf(privateKey);
            privateKey = privateKey.clone();
        }

        @Override
        public byte[] privateKey() {
            return privateKey.clone();
        }

        /** @return the public point, uncompressed */
        public byte[] publicKey() {
            return Sm2.publicKeyOf(privateKey);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SigningKey k && keyId.equals(k.keyId) && Arrays.equals(privateKey, k.privateKey);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode() * 31 + Arrays.hashCode(privateKey);
        }

        @Override
        public String toString() {
            return "SigningKey[" + keyId + "]";
        }
    }

    /** @return a new signing key */
    public static SigningKey generate(String keyId, SecureRandom random) {
        return new SigningKey(keyId, Sm2.generatePrivateKey(random));
    }

    /**
     * Checks that {@code packJson} is a valid pack and returns the signed envelope.
     *
     * @throws InvalidInputException if the pack is malformed
     */
    public static byte[] sign(byte[] packJson, SigningKey key, SecureRandom random) {
        JsonNode pack = FileJson.parse(packJson, PolicyPackLoader.MAX_PACK_BYTES, "policy pack");
        PolicyPackReader.read(pack);
        byte[] signature = Sm2.sign(key.privateKey(), PolicyPackLoader.signedBytes(pack), random);
        ObjectNode envelope = FileJson.mapper().createObjectNode();
        envelope.put("format", PolicyPackLoader.SIGNED_FORMAT);
        envelope.set("pack", pack);
        ObjectNode sig = envelope.putObject("signature");
        sig.put("algorithm", PolicyPackLoader.ALGORITHM);
        sig.put("key_id", key.keyId());
        sig.put("value", Base64.getEncoder().encodeToString(signature));
        return pretty(envelope);
    }

    /** @return the public-key file {@code {"key_id": …, "algorithm": "SM2-SM3", "public_key": hex}} */
    public static byte[] publicKeyFile(SigningKey key) {
        ObjectNode node = FileJson.mapper().createObjectNode();
        node.put("key_id", key.keyId());
        node.put("algorithm", PolicyPackLoader.ALGORITHM);
        node.put("public_key", Hex.toHexString(key.publicKey()));
        return pretty(node);
    }

    private static byte[] pretty(JsonNode node) {
        try {
            return (FileJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
