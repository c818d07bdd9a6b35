package cn.yibao.hostlink.record;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.MalformedMessageException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A record as uploaded: the signed record, the hash the terminal declares for it (what its
 * journal chained the next record to) and the fee items whose digest the record carries.
 *
 * @param record       the signed record
 * @param declaredHash SM3 of the canonical bytes as the terminal computed them
 * @param items        canonical JSON of the fee items
 */
public record UploadedRecord(SignedRecord record, byte[] declaredHash, String items) {

    /** Largest items text accepted, in characters. */
    public static final int MAX_ITEMS = 256 * 1024;
    private static final HexFormat HEX = HexFormat.of();

    public UploadedRecord {
        Objects.requireNonNull(record, "record");
        if (declaredHash == null || declaredHash.length != Sm3.LENGTH) {
            throw new IllegalArgumentException("declared hash must be 32 bytes");
        }
        declaredHash = declaredHash.clone();
        if (items == null || items.length() > MAX_ITEMS) {
            throw new IllegalArgumentException("items missing or too large");
        }
    }

    /** Wraps an honest record: the declared hash is the record's own. */
    public static UploadedRecord of(SignedRecord record, String items) {
        return new UploadedRecord(record, record.hash(), items);
    }

    @Override
    public byte[] declaredHash() {
        return declaredHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UploadedRecord u && u.record.equals(record) && Arrays.equals(u.declaredHash, declaredHash)
                && u.items.equals(items);
    }

    @Override
    public int hashCode() {
        return record.hashCode() * 31 + Arrays.hashCode(declaredHash);
    }

    /** @return the wire form (one element of an 8001 upload's {@code input.records}) */
    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("terminal_id", record.terminalId());
        n.put("seq", record.seq());
        n.put("prev_hash", HEX.formatHex(record.prevHash()));
        n.put("time", record.time().toEpochMilli());
        n.put("msgid", record.msgid());
        n.put("policy_version", record.policyVersion());
        n.put("result", record.result());
        n.put("items_digest", HEX.formatHex(record.itemsDigest()));
        n.put("card_no", record.proof().cardNo());
        n.set("card_proof", record.proof().toJson());
        n.put("signature", Base64.getEncoder().encodeToString(record.signature()));
        n.put("hash", HEX.formatHex(declaredHash));
        n.put("items", items);
        return n;
    }

    /** Reads the wire form; throws {@link MalformedMessageException} on any bad field. */
    public static UploadedRecord fromJson(JsonNode n) {
        try {
            CardProof proof = CardProof.fromJson(Json.text(n, "card_no", 32), n.get("card_proof"));
            SignedRecord r = new SignedRecord(Json.text(n, "terminal_id", 32), Json.integer(n, "seq"),
                    HEX.parseHex(Json.text(n, "prev_hash", 64)), Instant.ofEpochMilli(Json.integer(n, "time")),
                    Json.text(n, "msgid", 40), Json.text(n, "policy_version", 40),
                    Json.text(n, "result", SignedRecord.MAX_RESULT), HEX.parseHex(Json.text(n, "items_digest", 64)),
                    proof, Base64.getDecoder().decode(Json.text(n, "signature", 120)));
            return new UploadedRecord(r, HEX.parseHex(Json.text(n, "hash", 64)), Json.text(n, "items", MAX_ITEMS));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new MalformedMessageException("bad record: " + e.getMessage(), e);
        }
    }
}
