package cn.yibao.card.session;

import cn.yibao.card.apdu.Hex;
import java.util.Arrays;

/**
 * The card's proof of a debit: TAC (for the host, under the card's DTK) and MAC2 (verified by the
 * PSAM when it still held the transaction's session key).
 *
 * @param tac TAC, 4 bytes
 * @param mac2 MAC2, 4 bytes
 * @param mac2VerifiedByPsam whether the PSAM verified MAC2
 */
public record DebitProof(byte[] tac, byte[] mac2, boolean mac2VerifiedByPsam) {

    public DebitProof {
        if (tac == null || tac.length != 4 || mac2 == null || mac2.length != 4) {
            throw new IllegalArgumentException("TAC and MAC2 must be 4 bytes");
        }
        tac = tac.clone();
        mac2 = mac2.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }

    @Override
    public byte[] mac2() {
        return mac2.clone();
    }

    /** @return the TAC in hex */
    public String tacHex() {
        return Hex.of(tac);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DebitProof p && Arrays.equals(p.tac, tac) && Arrays.equals(p.mac2, mac2)
                && p.mac2VerifiedByPsam == mac2VerifiedByPsam;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tac);
    }

    @Override
    public String toString() {
        return "DebitProof[TAC " + Hex.of(tac) + ", MAC2 " + Hex.of(mac2) + (mac2VerifiedByPsam ? ", verified" : "")
                + "]";
    }
}
