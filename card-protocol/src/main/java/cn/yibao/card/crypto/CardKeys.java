package cn.yibao.card.crypto;

import java.util.Arrays;

/**
 * One card's diversified keys, each 16 bytes.
 *
 * @param algorithm the algorithm
 * @param dpk purchase key
 * @param dlk load key
 * @param dtk TAC key
 * @param rk read key RK1DF04 (external authentication)
 */
public record CardKeys(Algorithm algorithm, byte[] dpk, byte[] dlk, byte[] dtk, byte[] rk) {

    public CardKeys {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm required");
        }
        dpk = IssuerKeys.key(dpk, "DPK");
        dlk = IssuerKeys.key(dlk, "DLK");
        dtk = IssuerKeys.key(dtk, "DTK");
        rk = IssuerKeys.key(rk, "RK");
    }

    @Override
    public byte[] dpk() {
        return dpk.clone();
    }

    @Override
    public byte[] dlk() {
        return dlk.clone();
    }

    @Override
    public byte[] dtk() {
        return dtk.clone();
    }

    @Override
    public byte[] rk() {
        return rk.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CardKeys k && k.algorithm == algorithm && Arrays.equals(k.dpk, dpk)
                && Arrays.equals(k.dlk, dlk) && Arrays.equals(k.dtk, dtk) && Arrays.equals(k.rk, rk);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(dpk);
    }

    /** Never shows key material. */
    @Override
    public String toString() {
        return "CardKeys[" + algorithm + "]";
    }
}
