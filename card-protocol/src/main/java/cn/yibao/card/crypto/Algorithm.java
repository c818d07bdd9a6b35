package cn.yibao.card.crypto;

import cn.yibao.card.CardCode;
import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The purse algorithm, announced by the card (algorithm id in the SELECT answer and in the INIT
 * responses). Card keys are 16 bytes in both variants.
 */
public enum Algorithm implements CardCode {

    /** JR/T 0025 triple DES: 2-key 3DES for diversification and session keys, single-DES MACs. */
    @Code(code = "0", nameZh = "三重DES") TDES,
    /** The SM4 variant (GB/T 32907): 128-bit block and keys throughout (our definition). */
    @Code(code = "3", nameZh = "国密SM4") SM4;

    /** @return the algorithm id byte */
    public int id() {
        return cardByte();
    }

    /** @return the cipher block size in bytes */
    public int blockSize() {
        return this == TDES ? 8 : 16;
    }

    /**
     * @return the algorithm with this id
     * @throws CardException {@link CardError#ALGORITHM_UNSUPPORTED} for an unknown id
     */
    public static Algorithm ofId(int id) {
        return CardCode.find(Algorithm.class, id).orElseThrow(() -> CardException.protocol(
                CardError.ALGORITHM_UNSUPPORTED, String.format("algorithm id %02X", id)));
    }

    /** @return an encrypting block cipher keyed with a 16-byte card key (3DES or SM4) */
    BlockCipher cardKeyCipher(byte[] key16, boolean encrypt) {
        BlockCipher cipher = this == TDES ? new DESedeEngine() : new SM4Engine();
        cipher.init(encrypt, new KeyParameter(key16));
        return cipher;
    }

    /** @return the MAC cipher for a session or TAC key (single DES with 8 bytes, SM4 with 16) */
    BlockCipher macCipher(byte[] key) {
        BlockCipher cipher = this == TDES ? new DESEngine() : new SM4Engine();
        cipher.init(true, new KeyParameter(key));
        return cipher;
    }
}
