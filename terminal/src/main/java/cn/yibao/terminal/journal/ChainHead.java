package cn.yibao.terminal.journal;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where the signed chain stands: the sequence number the next record takes and the hash of the
 * record before it (empty for the first record).
 *
 * @param nextSeq the next record's sequence number, from 1
 * @param prevHash the previous record's hash, empty before the first record
 */
public record ChainHead(long nextSeq, byte[] prevHash) {

    public ChainHead {
        if (nextSeq < 1) {
            throw new IllegalArgumentException("nextSeq < 1");
        }
        prevHash = prevHash.clone();
    }

    @Override
    public byte[] prevHash() {
        return prevHash.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChainHead h && h.nextSeq == nextSeq && Arrays.equals(h.prevHash, prevHash);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(nextSeq) * 31 + Arrays.hashCode(prevHash);
    }

    @Override
    public String toString() {
        return "ChainHead[nextSeq=" + nextSeq + ", prevHash=" + HexFormat.of().formatHex(prevHash) + "]";
    }
}
