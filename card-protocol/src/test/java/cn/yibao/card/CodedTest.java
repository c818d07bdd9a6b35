package cn.yibao.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }
}
