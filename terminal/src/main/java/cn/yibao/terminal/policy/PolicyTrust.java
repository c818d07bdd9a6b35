package cn.yibao.terminal.policy;

import cn.yibao.hostlink.crypto.Sm2;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.InvalidInputException;
import cn.yibao.terminal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.util.encoders.Hex;

/**
 * Which host keys may sign policy packs for this terminal. With no keys, unsigned packs are
 * accepted (development, tests) and signed ones are refused as from an unknown signer; with keys,
 * every pack must carry a valid signature by one of them.
 */
public final class PolicyTrust {

    private static final int MAX_KEY_FILE = 4096;

    private final Map<String, byte[]> keys;

    private PolicyTrust(Map<String, byte[]> keys) {
        Map<String, byte[]> copy = new HashMap<>();
        keys.forEach((id, key) -> {
            Sm2.checkPublicKey(key);
            copy.put(id, key.clone());
        });
        this.keys = Map.copyOf(copy);
    }

    /** @return trust with no keys: unsigned packs accepted, signed ones refused */
    public static PolicyTrust none() {
        return new PolicyTrust(Map.of());
    }

    /** @return trust in these SM2 public keys (65-byte uncompressed points) by key id; signatures required */
    public static PolicyTrust of(Map<String, byte[]> keys) {
        return new PolicyTrust(keys);
    }

    /** @return whether every pack must be signed */
    public boolean requiresSignature() {
        return !keys.isEmpty();
    }

    /** @return the public key with this id, or {@code null} */
    public byte[] key(String keyId) {
        byte[] key = keys.get(keyId);
        return key == null ? null : key.clone();
    }

    /**
     * Reads a public-key file {@code {"key_id": "…", "public_key": "04…"}} (hex) into a map entry.
     *
     * @throws InvalidInputException naming the offending field
     */
    public static Map.Entry<String, byte[]> readKeyFile(byte[] json) {
        JsonNode root = JsonFields.object(FileJson.parse(json, MAX_KEY_FILE, "key file"), "",
                Set.of("key_id", "public_key", "algorithm"));
        String id = JsonFields.text(JsonFields.required(root, "", "key_id"), "key_id");
        String hex = JsonFields.text(JsonFields.required(root, "", "public_key"), "public_key");
        try {
            byte[] key = Hex.decodeStrict(hex);
            Sm2.checkPublicKey(key);
            return Map.entry(id, key);
        } catch (RuntimeException e) {
            throw new InvalidInputException("public_key: not an SM2 public key (hex of 04||X||Y)", e);
        }
    }
}
