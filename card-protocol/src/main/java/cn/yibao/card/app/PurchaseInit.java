package cn.yibao.card.app;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.crypto.Algorithm;
import java.util.Arrays;

/**
 * The answer to INITIALIZE FOR PURCHASE (15 bytes): balance b4 ‖ offline seq b2 ‖ overdraft
 * limit b3 ‖ key version b1 ‖ algorithm id b1 ‖ random b4.
 *
 * @param balance balance before the purchase
 * @param offlineSeq the offline counter this purchase will use
 * @param overdraftLimit overdraft limit (always 0 on this card)
 * @param keyVersion DPK key version
 * @param algorithm algorithm
 * @param random card random
 */
public record PurchaseInit(Money balance, int offlineSeq, Money overdraftLimit, int keyVersion, Algorithm algorithm,
        byte[] random) {

    /** Encoded length. */
    public static final int LENGTH = 15;

    public PurchaseInit {
        if (balance == null || overdraftLimit == null || algorithm == null || random == null || random.length != 4) {
            throw new IllegalArgumentException("fields required, random of 4 bytes");
        }
        random = random.clone();
    }

    @Override
    public byte[] random() {
        return random.clone();
    }

    /** @return the 15 bytes */
    public byte[] encode() {
        return Bytes.concat(Fields.amount(balance), Bytes.be(offlineSeq, 2), Bytes.be(overdraftLimit.fen(), 3),
                new byte[] {(byte) keyVersion, (byte) algorithm.id()}, random);
    }

    /** Parses the 15 bytes (MALFORMED_RESPONSE or ALGORITHM_UNSUPPORTED on error). */
    public static PurchaseInit parse(byte[] b) {
        Bytes.requireLength(b, LENGTH, "INIT FOR PURCHASE answer");
        return new PurchaseInit(Fields.amount(b, 0), (int) Bytes.be(b, 4, 2), Money.ofFen(Bytes.be(b, 6, 3)),
                b[9] & 0xFF, Algorithm.ofId(b[10] & 0xFF), Bytes.slice(b, 11, 4));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PurchaseInit p && p.balance.equals(balance) && p.offlineSeq == offlineSeq
                && p.overdraftLimit.equals(overdraftLimit) && p.keyVersion == keyVersion
                && p.algorithm == algorithm && Arrays.equals(p.random, random);
    }

    @Override
    public int hashCode() {
        return balance.hashCode() * 31 + offlineSeq;
    }

    @Override
    public String toString() {
        return "PurchaseInit[balance " + balance + ", seq " + offlineSeq + ", " + algorithm + "]";
    }
}
