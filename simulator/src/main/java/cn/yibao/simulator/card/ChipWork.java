package cn.yibao.simulator.card;

/**
 * The on-chip work one command caused, for the timing model.
 *
 * @param cryptoOps block-cipher operations (key derivations, MACs, cryptograms)
 * @param eepromWrites non-volatile page writes
 */
public record ChipWork(int cryptoOps, int eepromWrites) {

    /** No crypto, no write. */
    public static final ChipWork NONE = new ChipWork(0, 0);

    public ChipWork {
        if (cryptoOps < 0 || eepromWrites < 0) {
            throw new IllegalArgumentException("negative work");
        }
    }
}
