package cn.yibao.card.app;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.crypto.Algorithm;
import java.util.Arrays;

/**
 * The answer to INITIALIZE FOR LOAD (16 bytes): balance b4 ‖ online seq b2 ‖ key version b1 ‖
 * algorithm id b1 ‖ random b4 ‖ MAC1 b4. The terminal sends it to the host, which checks MAC1 and
 * returns MAC2.
 *
 * @param balance balance before the load
 * @param onlineSeq the online counter this load uses
 * @param keyVersion DLK key version
 * @param algorithm algorithm
 * @param random card random
 * @param mac1 MAC1 = MAC_SESLK(balance ‖ amount ‖ TTI ‖ terminal id)
 */
public record LoadInit(Money balance, int onlineSeq, int keyVersion, Algorithm algorithm, byte[] random,
        byte[] mac1) {

    /** Encoded length. */
    public static final int LENGTH = 16;

    public LoadInit {
        if (balance == null || algorithm == null || random == null || random.length != 4 || mac1 == null
                || mac1.length != 4) {
            throw new IllegalArgumentException("fields required, random and MAC1 of 4 bytes");
        }
        random = random.clone();
        mac1 = mac1.clone();
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    @Override
    public byte[] mac1() {
        return mac1.clone();
    }

    /** @return the 16 bytes */
    public byte[] encode() {
        return Bytes.concat(Fields.amount(balance), Bytes.be(onlineSeq, 2),
                new byte[] {(byte) keyVersion, (byte) algorithm.id()}, random, mac1);
    }

    /** Parses the 16 bytes (MALFORMED_RESPONSE or ALGORITHM_UNSUPPORTED on error). */
    public static LoadInit parse(byte[] b) {
        Bytes.requireLength(b, LENGTH, "INIT FOR LOAD answer");
        return new LoadInit(Fields.amount(b, 0), (int) Bytes.be(b, 4, 2), b[6] & 0xFF, Algorithm.ofId(b[7] & 0xFF),
                Bytes.slice(b, 8, 4), Bytes.slice(b, 12, 4));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadInit l && l.balance.equals(balance) && l.onlineSeq == onlineSeq
                && l.keyVersion == keyVersion && l.algorithm == algorithm && Arrays.equals(l.random, random)
                && Arrays.equals(l.mac1, mac1);
    }

    @Override
    public int hashCode() {
        return balance.hashCode() * 31 + onlineSeq;
    }

    @Override
    public String toString() {
        return "LoadInit[balance " + balance + ", seq " + onlineSeq + ", " + algorithm + "]";
    }
}
