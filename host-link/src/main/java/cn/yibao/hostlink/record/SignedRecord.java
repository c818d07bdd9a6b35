package cn.yibao.hostlink.record;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One settlement in a terminal's journal, as signed. {@link #canonical()} are the bytes the SM2
 * signature covers and whose SM3 digest the next record chains to; the signature itself is not
 * part of them.
 *
 * @param terminalId    the terminal (CN of its certificates)
 * @param seq           per-terminal sequence number, 1, 2, 3, … without gaps
 * @param prevHash      SM3 of the previous record's canonical bytes ({@link Sm3#genesis} for seq 1)
 * @param time          settlement time (millisecond precision)
 * @param msgid         the settlement's message id (the idempotency and reversal key)
 * @param policyVersion version of the policy pack the split was computed with
 * @param result        the settlement result as canonical JSON (opaque here)
 * @param itemsDigest   SM3 of the canonical JSON of the fee items
 * @param proof         the card's proof of the purse debit
 * @param signature     DER SM2 signature (SM3withSM2, default user id) over {@link #canonical()}; empty if unsigned
 */
public record SignedRecord(String terminalId, long seq, byte[] prevHash, Instant time, String msgid,
                           String policyVersion, String result, byte[] itemsDigest, CardProof proof,
                           byte[] signature) {

    /** Largest settlement result accepted, in UTF-8 bytes. */
    public static final int MAX_RESULT = 64 * 1024;
    private static final byte[] MAGIC = {'Y', 'B', 'R', '2'};

    public SignedRecord {
        if (!cn.yibao.hostlink.tls.Identities.validTerminalId(terminalId)) {
            throw new IllegalArgumentException("bad terminal id");
        }
        if (seq < 1) {
            throw new IllegalArgumentException("sequence numbers start at 1");
        }
        prevHash = digest(prevHash, "prevHash");
        Objects.requireNonNull(time, "time");
        time = Instant.ofEpochMilli(time.toEpochMilli());
        if (msgid == null || !msgid.matches("[0-9A-Za-z-]{1,40}")) {
            throw new IllegalArgumentException("bad msgid");
        }
        if (policyVersion == null || !policyVersion.matches("[0-9A-Za-z._-]{1,40}")) {
            throw new IllegalArgumentException("bad policy version");
        }
        if (result == null || result.getBytes(StandardCharsets.UTF_8).length > MAX_RESULT) {
            throw new IllegalArgumentException("result missing or too large");
        }
        itemsDigest = digest(itemsDigest, "itemsDigest");
        Objects.requireNonNull(proof, "proof");
        if (signature == null || signature.length > 80) {
            throw new IllegalArgumentException("bad signature length");
        }
        signature = signature.clone();
    }

    private static byte[] digest(byte[] d, String name) {
        if (d == null || d.length != Sm3.LENGTH) {
            throw new IllegalArgumentException(name + " must be " + Sm3.LENGTH + " bytes");
        }
        return d.clone();
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public byte[] itemsDigest() {
        return itemsDigest.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return a copy of this record carrying {@code sig} */
    public SignedRecord withSignature(byte[] sig) {
        return new SignedRecord(terminalId, seq, prevHash, time, msgid, policyVersion, result, itemsDigest, proof, sig);
    }

    /** @return a copy numbered {@code newSeq}, keeping the old signature (which no longer fits) */
    public SignedRecord withSeq(long newSeq) {
        return new SignedRecord(terminalId, newSeq, prevHash, time, msgid, policyVersion, result, itemsDigest, proof,
                signature);
    }

    /** @return a copy with another result, keeping the old signature (which no longer fits) */
    public SignedRecord withResult(String newResult) {
        return new SignedRecord(terminalId, seq, prevHash, time, msgid, policyVersion, newResult, itemsDigest, proof,
                signature);
    }

    /** @return a copy with another card proof, keeping the old signature (which no longer fits) */
    public SignedRecord withProof(CardProof newProof) {
        return new SignedRecord(terminalId, seq, prevHash, time, msgid, policyVersion, result, itemsDigest, newProof,
                signature);
    }

    /**
     * The canonical bytes: {@code "YBR2"}, then each field in declaration order — strings as a
     * 4-byte big-endian length and UTF-8, integers big-endian (seq and time 8 bytes), digests raw,
     * then the card proof ({@link CardProof#writeCanonical}).
     */
    public byte[] canonical() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + result.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            CardProof.string(out, terminalId);
            out.writeLong(seq);
            out.write(prevHash);
            out.writeLong(time.toEpochMilli());
            CardProof.string(out, msgid);
            CardProof.string(out, policyVersion);
            CardProof.string(out, result);
            out.write(itemsDigest);
            proof.writeCanonical(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** @return SM3 of the canonical bytes: what the next record's {@code prevHash} must be */
    public byte[] hash() {
        return Sm3.hash(canonical());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedRecord r && Arrays.equals(r.canonical(), canonical())
                && Arrays.equals(r.signature, signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(canonical());
    }

    @Override
    public String toString() {
        return "SignedRecord[" + terminalId + "#" + seq + " " + msgid + " " + proof + "]";
    }
}
