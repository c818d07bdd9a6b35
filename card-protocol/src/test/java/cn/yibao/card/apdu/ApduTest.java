package cn.yibao.card.apdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.app.CardCommands;
import org.junit.jupiter.api.Test;

class ApduTest {

    @Test
    void selectOfTheSsseIsTheDocumentedBytes() {
        assertEquals("00A404000F7378312E73682EC9E7BBE1B1A3D5CF00", Hex.of(CardCommands.selectSsse().bytes()));
    }

    @Test
    void allFourCasesRoundTrip() {
        for (String hex : new String[] {"00A40400", "0084000008", "0020000003123456", "805000020B0100000064220100000001"
                + "10", "80B4000100"}) {
            CommandApdu c = CommandApdu.parse(Hex.parse(hex));
            assertEquals(hex, Hex.of(c.bytes()));
            assertEquals(c, CommandApdu.parse(c.bytes()));
        }
    }

    @Test
    void rejectsMalformedCommands() {
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.parse(Hex.parse("00A404")));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.parse(Hex.parse("00A404000F7378")));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.of(0x100, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> CommandApdu.of(0, 0, 0, 0, new byte[256]));
    }

    @Test
    void arraysAreCopiedAndDataIsNotPrinted() {
        byte[] pin = Hex.parse("123456");
        CommandApdu c = CommandApdu.of(0, 0x20, 0, 0, pin);
        pin[0] = 0;
        assertEquals("123456", Hex.of(c.data()));
        c.data()[0] = 0;
        assertEquals("123456", Hex.of(c.data()));
        assertFalse(c.toString().contains("123456"));
    }

    @Test
    void responsesAreBounded() {
        assertEquals(CardError.MALFORMED_RESPONSE,
                assertThrows(CardException.class, () -> ResponseApdu.parse(new byte[1])).error());
        assertEquals(CardError.MALFORMED_RESPONSE,
                assertThrows(CardException.class, () -> ResponseApdu.parse(null)).error());
        assertEquals(CardError.RESPONSE_TOO_LONG,
                assertThrows(CardException.class, () -> ResponseApdu.parse(new byte[5000])).error());
        ResponseApdu r = ResponseApdu.parse(Hex.parse("01029401"));
        assertEquals(0x9401, r.sw());
        assertArrayEquals(Hex.parse("0102"), r.data());
    }

    @Test
    void tlvListsAreParsedWithBounds() {
        TlvList list = TlvList.parse(Hex.parse("0102AABB 0300 05FF0003010203"));
        assertEquals(3, list.items().size());
        assertEquals("010203", Hex.of(list.require(5, 3)));
        for (String bad : new String[] {"01", "0105AA", "05FF00", "05FF0010AA", "00", "FF01AA"}) {
            assertEquals(CardError.MALFORMED_RESPONSE,
                    assertThrows(CardException.class, () -> TlvList.parse(Hex.parse(bad))).error(), bad);
        }
        assertThrows(CardException.class, () -> list.require(7));
        assertThrows(CardException.class, () -> list.require(1, 3));
        assertEquals(list, TlvList.parse(list.bytes()));
    }

    @Test
    void bcdPacksAndUnpacks() {
        assertEquals("220100000001", Bytes.unbcd(Bytes.bcd("220100000001", 6)));
        assertEquals("12345FFF", Hex.of(Bytes.bcd("12345", 4)));
        assertThrows(CardException.class, () -> Bytes.unbcd(Hex.parse("1A")));
    }
}
