package cn.yibao.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.app.CardState;
import cn.yibao.card.app.InsuranceCategory;
import cn.yibao.card.app.InsuranceStatus;
import cn.yibao.card.app.ResidentGroup;
import cn.yibao.card.crypto.Algorithm;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CodedTest {

    enum Colour implements Coded {
        @Code(code = "R", nameZh = "红") RED,
        @Code(code = "G", nameZh = "绿") GREEN
    }

    enum Unnamed implements Coded {
        @Code(code = "1", nameZh = "一") ONE,
        TWO
    }

    enum Twice implements Coded {
        @Code(code = "1", nameZh = "一") ONE,
        @Code(code = "1", nameZh = "壹") UNO
    }

    enum Blank implements Coded {
        @Code(code = " ", nameZh = "一") ONE
    }

    enum Wide implements CardCode {
        @Code(code = "256", nameZh = "太大") BIG,
        @Code(code = "01", nameZh = "前导零") PADDED
    }

    @Test
    void codesAndNamesComeFromTheConstants() {
        assertEquals("G", Colour.GREEN.code());
        assertEquals("绿", Colour.GREEN.nameZh());
        assertEquals(Optional.of(Colour.RED), Coded.byCode(Colour.class, "R"));
        assertEquals(Optional.empty(), Coded.byCode(Colour.class, "RED"));
        assertEquals(Optional.empty(), Coded.byCode(Colour.class, null));
    }

    @Test
    void anEnumWithoutACodeForEveryConstantOrWithACodeTwiceIsRefused() {
        assertTrue(assertThrows(IllegalStateException.class, () -> Unnamed.ONE.code()).getMessage()
                .contains("Unnamed.TWO"));
        assertTrue(assertThrows(IllegalStateException.class, () -> Coded.byCode(Twice.class, "1")).getMessage()
                .contains("code 1 given twice"));
        assertThrows(IllegalStateException.class, () -> Blank.ONE.nameZh());
    }

    @Test
    void cardCodesAreBytesInDecimal() {
        assertThrows(IllegalStateException.class, () -> Wide.BIG.cardByte());
        assertThrows(IllegalStateException.class, () -> Wide.PADDED.cardByte());
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
