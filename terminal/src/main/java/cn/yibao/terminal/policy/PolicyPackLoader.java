package cn.yibao.terminal.policy;

import cn.yibao.hostlink.crypto.Sm2;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.json.InvalidInputException;
import cn.yibao.terminal.json.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.Set;

/**
 * Loads a policy pack from its file bytes: a plain pack, or a signed envelope
 * {@code {"format": "yibao-policy-pack-signed/1", "pack": {…}, "signature": {…}}} whose SM2
 * signature over the canonical JSON of {@code pack} is verified before the pack is read.
 */
public final class PolicyPackLoader {

    /** The value of {@code format} in a signed envelope. */
    public static final String SIGNED_FORMAT = "yibao-policy-pack-signed/1";
    /** The signature algorithm name in an envelope. */
    public static final String ALGORITHM = "SM2-SM3";
    /** Largest pack file accepted. */
    public static final int MAX_PACK_BYTES = 1024 * 1024;

    private PolicyPackLoader() {
    }

    /**
     * Loads and, if signed, verifies a pack.
     *
     * @throws InvalidInputException   if the file is malformed (naming the field)
     * @throws PolicyRefusedException  if the signature is missing where required, from an unknown
     *                                 key, or does not verify (tampered)
     */
    public static PolicyPack load(byte[] file, PolicyTrust trust) {
        JsonNode root = FileJson.parse(file, MAX_PACK_BYTES, "policy pack");
        if (!root.isObject() || !root.has("signature")) {
            if (trust.requiresSignature()) {
                throw new PolicyRefusedException(PolicyRefusal.POLICY_UNSIGNED, null);
            }
            return PolicyPackReader.read(root);
        }
        JsonFields.object(root, "", Set.of("format", "pack", "signature"));
        if (!SIGNED_FORMAT.equals(JsonFields.text(JsonFields.required(root, "", "format"), "format"))) {
            throw new InvalidInputException("format: expected \"" + SIGNED_FORMAT + "\"");
        }
        JsonNode pack = JsonFields.object(JsonFields.required(root, "", "pack"), "pack", PolicyPackReader.FIELDS);
        JsonNode sig = JsonFields.object(JsonFields.required(root, "", "signature"), "signature",
                Set.of("algorithm", "key_id", "value"));
        if (!ALGORITHM.equals(JsonFields.text(JsonFields.required(sig, "signature", "algorithm"),
                "signature.algorithm"))) {
            throw new InvalidInputException("signature.algorithm: expected \"" + ALGORITHM + "\"");
        }
        String keyId = JsonFields.text(JsonFields.required(sig, "signature", "key_id"), "signature.key_id");
        byte[] value;
        try {
            value = Base64.getDecoder().decode(JsonFields.text(JsonFields.required(sig, "signature", "value"),
                    "signature.value"));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("signature.value: not base64", e);
        }
        byte[] key = trust.key(keyId);
        if (key == null) {
            throw new PolicyRefusedException(PolicyRefusal.POLICY_SIGNER_UNKNOWN, "key_id " + keyId);
        }
        if (!Sm2.verify(key, signedBytes(pack), value)) {
            throw new PolicyRefusedException(PolicyRefusal.POLICY_SIGNATURE_INVALID, "key_id " + keyId);
        }
        return PolicyPackReader.read(pack);
    }

    /**
     * @return the canonical bytes of {@code pack}, what its signature covers
     * @throws InvalidInputException for a number the canonical form cannot hold (e.g. {@code 1e999999})
     */
    static byte[] signedBytes(JsonNode pack) {
        try {
            return CanonicalJson.bytes(pack);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        }
    }
}
