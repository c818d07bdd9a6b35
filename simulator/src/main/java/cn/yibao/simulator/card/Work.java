package cn.yibao.simulator.card;

/**
 * The on-chip work one command caused, for the timing model.
 *
 * @param cryptoOps block-cipher operations (key derivations, MACs, cryptograms)
 * @param eepromWrites non-volatile page writes
 */
public record Work(int cryptoOps, int eepromWrites) {

    /** No crypto, no write. */
    public static final Work NONE = new Work(0, 0);

    public Work {
        if (cryptoOps < 0 || eepromWrites < 0) {
            throw new IllegalArgumentException("negative work");
        }
    }
}
