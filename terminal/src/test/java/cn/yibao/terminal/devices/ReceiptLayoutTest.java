package cn.yibao.terminal.devices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptLayoutTest {

    @Test
    void chineseCharactersTakeTwoColumns() {
        assertEquals(12, ReceiptLayout.columns("统筹基金支付"));
        assertEquals(7, ReceiptLayout.columns("7568.00"));
        assertEquals(4, ReceiptLayout.columns("（）"));
    }

    @Test
    void aPairFillsTheLineExactlyOnBothWidths() {
        Receipt r = new Receipt(List.of(new ReceiptLine.Pair("统筹基金支付", "7568.00")));
        for (PaperWidth w : PaperWidth.values()) {
            List<String> lines = ReceiptLayout.lines(r, w);
            assertEquals(1, lines.size());
            assertEquals(w.columns(), ReceiptLayout.columns(lines.get(0)), lines.get(0));
            assertTrue(lines.get(0).startsWith("统筹基金支付") && lines.get(0).endsWith("7568.00"));
        }
    }

    @Test
    void longTextWrapsWithoutSplittingACharacterOrExceedingTheWidth() {
        String text = "本收据为医疗保险结算凭证，请妥善保管，遗失不补。Keep this receipt.";
        List<String> lines = ReceiptLayout.lines(new Receipt(List.of(new ReceiptLine.Text(text))), PaperWidth.MM58);
        assertTrue(lines.size() > 1);
        lines.forEach(l -> assertTrue(ReceiptLayout.columns(l) <= 32, l));
        assertEquals(text, String.join("", lines));
    }

    @Test
    void aLabelTooLongForOneLinePutsTheValueOnItsOwnLine() {
        Receipt r = new Receipt(List.of(new ReceiptLine.Pair("非常非常长的项目名称头孢克肟片一百粒装", "12345.67")));
        List<String> lines = ReceiptLayout.lines(r, PaperWidth.MM58);
        assertTrue(lines.get(lines.size() - 1).endsWith("12345.67"));
        lines.forEach(l -> assertTrue(ReceiptLayout.columns(l) <= 32, l));
    }

    @Test
    void receiptsAndLinesValidate() {
        assertThrows(IllegalArgumentException.class, () -> new Receipt(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ReceiptLine.Text("a\u001bb"));
    }

    @Test
    void aJobStartsWithInitAndChineseModeAndEndsWithACut() {
        byte[] job = EscPos.job(List.of("合计"), false);
        assertArrayEquals(new byte[] {0x1B, '@', 0x1C, '&'}, java.util.Arrays.copyOf(job, 4));
        assertArrayEquals(new byte[] {0x1D, 'V', 66, 0}, java.util.Arrays.copyOfRange(job, job.length - 4, job.length));
        byte[] gb = "合计".getBytes(EscPos.GB18030);
        assertArrayEquals(gb, java.util.Arrays.copyOfRange(job, 4, 4 + gb.length));
    }

    @Test
    void theDisplayGetsTheAmountThenTheLamp() {
        assertArrayEquals(new byte[] {0x1B, 'Q', 'A', '6', '8', '.', '0', '0', 0x0D, 0x1B, 's', '4'},
                CustomerDisplay.encode(CustomerDisplay.Lamp.CHANGE, Money.parseYuan("68")));
        assertThrows(IllegalArgumentException.class,
                () -> CustomerDisplay.encode(CustomerDisplay.Lamp.TOTAL, Money.parseYuan("1234567.89")));
    }

    @Test
    void statusBytesAreRecognised() {
        assertTrue(EscPos.isStatusByte(0x12));
        assertTrue(EscPos.isStatusByte(0x12 | 0x60));
        assertEquals(false, EscPos.isStatusByte(0xFF));
    }
}
