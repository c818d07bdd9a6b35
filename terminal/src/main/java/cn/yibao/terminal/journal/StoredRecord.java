package cn.yibao.terminal.journal;

import java.util.Arrays;

/**
 * A signed record as the journal keeps it: opaque bytes for the host, with its chain position.
 *
 * @param seq the per-terminal sequence number
 * @param msgid the transaction's message id
 * @param hash the record's hash, which the next record chains to
 * @param body the signed record's bytes as uploaded
 */
public record StoredRecord(long seq, String msgid, byte[] hash, byte[] body) {

    /** The largest record body the journal accepts. */
    public static final int MAX_BODY = 256 * 1024;

    public StoredRecord {
        if (seq < 1) {
            throw new IllegalArgumentException("seq < 1");
        }
        if (hash.length == 0 || hash.length > 64 || body.length == 0 || body.length > MAX_BODY) {
            throw new IllegalArgumentException("record hash or body size out of range");
        }
        hash = hash.clone();
        body = body.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredRecord r && r.seq == seq && r.msgid.equals(msgid)
                && Arrays.equals(r.hash, hash) && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(seq) * 31 + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "StoredRecord[seq=" + seq + ", msgid=" + msgid + ", " + body.length + " bytes]";
    }
}
