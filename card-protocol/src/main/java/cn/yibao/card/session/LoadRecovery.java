package cn.yibao.card.session;

import java.util.Arrays;

/**
 * What the card says about a torn load.
 *
 * @param credited whether the credit happened
 * @param cardOnlineCounter the card's online counter now
 * @param tac the card's TAC of the credit (4 bytes), empty if not credited
 */
public record LoadRecovery(boolean credited, int cardOnlineCounter, byte[] tac) {

    public LoadRecovery {
        if (tac == null || tac.length != (credited ? 4 : 0)) {
            throw new IllegalArgumentException("a credited load has a 4-byte TAC, another none");
        }
        tac = tac.clone();
    }

    @Override
    public byte[] tac() {
        return tac.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoadRecovery r && r.credited == credited && r.cardOnlineCounter == cardOnlineCounter
                && Arrays.equals(r.tac, tac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tac) * 31 + cardOnlineCounter;
    }

    @Override
    public String toString() {
        return "LoadRecovery[" + (credited ? "credited" : "not credited") + ", counter " + cardOnlineCounter + "]";
    }
}
