package cn.yibao.card.crypto;

import cn.yibao.card.apdu.Hex;
import java.util.Arrays;

/**
 * The issuer's master keys for one algorithm, each 16 bytes: purchase (MPK), load (MLK), TAC (MTK)
 * and the DF04 read key (MRK, from which RK1DF04 is diversified). The PSAM holds MPK, MTK and MRK;
 * the host holds MLK and MTK.
 *
 * @param algorithm the algorithm the keys are for
 * @param mpk purchase master key
 * @param mlk load master key
 * @param mtk TAC master key
 * @param mrk read-key master (external authentication)
 */
public record IssuerKeys(Algorithm algorithm, byte[] mpk, byte[] mlk, byte[] mtk, byte[] mrk) {

    public IssuerKeys {
        if (algorithm == null) {
            throw new IllegalArgumentException("algorithm required");
        }
        mpk = key(mpk, "MPK");
        mlk = key(mlk, "MLK");
        mtk = key(mtk, "MTK");
        mrk = key(mrk, "MRK");
    }

    /**
     * Fixed test keys for the simulator, the host simulator and tests. They are public: never
     * use them outside a test environment.
     */
    public static IssuerKeys test(Algorithm algorithm) {
        int salt = algorithm == Algorithm.TDES ? 0x00 : 0x50;
        return new IssuerKeys(algorithm,
                pattern(0x11 + salt), pattern(0x22 + salt), pattern(0x33 + salt), pattern(0x44 + salt));
    }

    /** @return the card's diversified keys for an 8-byte application serial */
    public CardKeys forCard(byte[] serial) {
        return new CardKeys(algorithm,
                PurseCrypto.diversify(algorithm, mpk, serial),
                PurseCrypto.diversify(algorithm, mlk, serial),
                PurseCrypto.diversify(algorithm, mtk, serial),
                PurseCrypto.diversify(algorithm, mrk, serial));
    }

    /** @return the card's TAC key (DTK) alone, for an 8-byte application serial (one diversification, not four) */
    public byte[] dtkForCard(byte[] serial) {
        return PurseCrypto.diversify(algorithm, mtk, serial);
    }

    /** @return the card's load key (DLK) alone, for an 8-byte application serial */
    public byte[] dlkForCard(byte[] serial) {
        return PurseCrypto.diversify(algorithm, mlk, serial);
    }

    @Override
    public byte[] mpk() {
        return mpk.clone();
    }

    @Override
    public byte[] mlk() {
        return mlk.clone();
    }

    @Override
    public byte[] mtk() {
        return mtk.clone();
    }

    @Override
    public byte[] mrk() {
        return mrk.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IssuerKeys k && k.algorithm == algorithm && Arrays.equals(k.mpk, mpk)
                && Arrays.equals(k.mlk, mlk) && Arrays.equals(k.mtk, mtk) && Arrays.equals(k.mrk, mrk);
    }

    @Override
    public int hashCode() {
        return algorithm.hashCode() * 31 + Arrays.hashCode(mpk);
    }

    /** Never shows key material. */
    @Override
    public String toString() {
        return "IssuerKeys[" + algorithm + "]";
    }

    private static byte[] pattern(int seed) {
        byte[] k = new byte[16];
        for (int i = 0; i < 16; i++) {
            k[i] = (byte) (seed + i * 0x13);
        }
        return k;
    }

    static byte[] key(byte[] key, String name) {
        if (key == null || key.length != 16) {
            throw new IllegalArgumentException(name + " must be 16 bytes");
        }
        return key.clone();
    }

    /** Parses a 16-byte key from hex (for configuration files). */
    public static byte[] parseKey(String hex) {
        return key(Hex.parse(hex), "key");
    }
}
