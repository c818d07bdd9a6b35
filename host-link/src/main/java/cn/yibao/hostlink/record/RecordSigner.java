package cn.yibao.hostlink.record;

import cn.yibao.hostlink.crypto.Sm2;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.Objects;

/**
 * The terminal side of the chain: signs each new settlement with the terminal's SM2 key, numbering
 * it after the last record and chaining it to that record's hash. Not thread-safe; one per terminal.
 */
public final class RecordSigner {

    private final String terminalId;
    private final PrivateKey key;
    private long lastSeq;
    private byte[] lastHash;

    /** Continues a chain whose last record is {@code lastSeq} with hash {@code lastHash} (0 and null for a new one). */
    public RecordSigner(String terminalId, PrivateKey key, long lastSeq, byte[] lastHash) {
        this.terminalId = Objects.requireNonNull(terminalId);
        this.key = Objects.requireNonNull(key);
        this.lastSeq = lastSeq;
        this.lastHash = lastSeq == 0 ? Sm3.genesis(terminalId) : lastHash.clone();
    }

    /** Signs the next record of the chain. {@code items} is the canonical JSON of the fee items. */
    public SignedRecord next(Instant time, String msgid, String policyVersion, String result, String items,
                             CardProof proof) {
        SignedRecord unsigned = new SignedRecord(terminalId, lastSeq + 1, lastHash, time, msgid, policyVersion, result,
                Sm3.hash(items.getBytes(StandardCharsets.UTF_8)), proof, new byte[0]);
        return commit(sign(key, unsigned));
    }

    private SignedRecord commit(SignedRecord signed) {
        lastSeq = signed.seq();
        lastHash = signed.hash();
        return signed;
    }

    /** @return {@code record} signed with {@code key} (any fields; used by tests to build tampered records) */
    public static SignedRecord sign(PrivateKey key, SignedRecord record) {
        return record.withSignature(Sm2.sign(key, record.canonical()));
    }

    /** @return the sequence number of the last record signed */
    public long lastSeq() {
        return lastSeq;
    }

    /** @return the hash of the last record signed */
    public byte[] lastHash() {
        return lastHash.clone();
    }
}
