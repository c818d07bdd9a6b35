package cn.yibao.card.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardCode;
import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.crypto.Algorithm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codes stored on the card: one byte each, with a Chinese name for the counter. */
class CardCodesTest {

    @Test
    void everyCardCodeIsAByteInDecimalWithAChineseName() {
        for (List<? extends CardCode> codes : List.of(List.of(CardState.values()), List.of(InsuranceCategory.values()),
                List.of(InsuranceStatus.values()), List.of(ResidentGroup.values()), List.of(Algorithm.values()))) {
            for (CardCode c : codes) {
                assertEquals(c.code(), Integer.toString(c.cardByte()));
                assertTrue(c.nameZh().codePoints().anyMatch(ch -> Character.UnicodeScript.of(ch)
                        == Character.UnicodeScript.HAN), c.code());
            }
        }
    }

    @Test
    void cardCodesAreLookedUpByTheirByte() {
        assertEquals(CardState.LOST, CardCode.of(CardState.class, 4));
        assertEquals(4, CardState.LOST.cardByte());
        assertEquals("挂失", CardState.LOST.nameZh());
        assertEquals(Algorithm.SM4, Algorithm.ofId(0x03));
        assertEquals(0x03, Algorithm.SM4.id());
        assertEquals(8, Algorithm.TDES.blockSize());
        assertEquals(16, Algorithm.SM4.blockSize());
        CardException unknown = assertThrows(CardException.class, () -> CardCode.of(CardState.class, 9));
        assertEquals(CardError.MALFORMED_RESPONSE, unknown.error());
        CardException algorithm = assertThrows(CardException.class, () -> Algorithm.ofId(0x04));
        assertEquals(CardError.ALGORITHM_UNSUPPORTED, algorithm.error());
    }
}
