package cn.yibao.card.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.yibao.card.apdu.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IssuerKeysTest {

    @Test
    void theSingleKeyDerivationsAreTheCardsKeys() {
        byte[] serial = Hex.parse("2201000000000012");
        for (Algorithm a : Algorithm.values()) {
            IssuerKeys issuer = IssuerKeys.test(a);
            CardKeys card = issuer.forCard(serial);
            assertArrayEquals(card.dtk(), issuer.dtkForCard(serial), a + " DTK");
            assertArrayEquals(card.dlk(), issuer.dlkForCard(serial), a + " DLK");
            assertFalse(Arrays.equals(card.dtk(), card.dlk()), a + ": the two keys differ");
        }
    }
}
