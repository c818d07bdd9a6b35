package cn.yibao.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.apdu.ResponseApdu;
import cn.yibao.card.apdu.StatusWord;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardErrorTest {

    /** The status words the virtual card and PSAM return (docs/card-application.md §5). */
    private static final int[] DOCUMENTED = {0x6300, 0x63C2, 0x63C1, 0x63C0, 0x6581, 0x6700, 0x6901, 0x6982, 0x6983,
        0x6984, 0x6985, 0x6986, 0x6987, 0x6988, 0x6A80, 0x6A81, 0x6A82, 0x6A83, 0x6A86, 0x6A88, 0x6B00, 0x6C08,
        0x6D00, 0x6E00, 0x6F00, 0x9301, 0x9302, 0x9303, 0x9401, 0x9403, 0x9406};

    @Test
    void everyStatusWordBecomesATypedErrorWithBothMessages() {
        for (int sw = 0; sw <= 0xFFFF; sw++) {
            if (sw == StatusWord.OK) {
                continue;
            }
            ResponseApdu r = ResponseApdu.of(sw);
            CardException e = assertThrows(CardException.class, () -> StatusWord.require(r, "TEST"));
            assertEquals(sw, e.statusWord().orElseThrow());
            assertTrue(e.code().startsWith("CARD_") || e.code().startsWith("PIN_"), e.code());
            assertTrue(e.messageZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), e.messageZh());
            assertTrue(e.message().contains(String.format("%04X", sw)), e.message());
        }
    }

    @Test
    void documentedStatusWordsHaveTheirOwnError() {
        Set<CardError> seen = new HashSet<>();
        for (int sw : DOCUMENTED) {
            CardError error = CardError.forStatusWord(sw);
            assertNotEquals(CardError.UNEXPECTED_STATUS, error, String.format("%04X", sw));
            seen.add(error);
        }
        assertTrue(seen.size() >= 24);
    }

    @Test
    void pinErrorsTellTheTriesLeft() {
        CardException wrong = CardException.forStatusWord(0x63C2, "VERIFY");
        assertSame(CardError.PIN_WRONG, wrong.error());
        assertEquals(2, wrong.pinTriesLeft().orElseThrow());
        assertEquals("密码错误，还可尝试2次", wrong.messageZh());
        CardException locked = CardException.forStatusWord(0x6983, "VERIFY");
        assertEquals("PIN_WRONG", wrong.code());
        assertEquals("PIN_LOCKED", locked.code());
        assertEquals(0, locked.pinTriesLeft().orElseThrow());
    }

    @Test
    void codesAreUnique() {
        Set<String> codes = new HashSet<>();
        for (CardError e : CardError.values()) {
            assertTrue(codes.add(e.code()), e.code());
        }
    }

    @Test
    void okPassesTheChokePoint() {
        ResponseApdu r = ResponseApdu.of(new byte[] {1}, 0x9000);
        assertSame(r, StatusWord.require(r, "TEST"));
    }
}
