package cn.yibao.terminal.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class CounterRecordsTest {

    private static Money y(String yuan) {
        return Money.parseYuan(yuan);
    }

    private static SetlInfo setl(String acct, String cash) {
        Money z = Money.ZERO;
        return new SetlInfo(null, null, "P1", "张三", "310", "11", "41", LocalDateTime.of(2026, 11, 23, 10, 0),
                y("100.00"), y("10.00"), y("5.00"), y("85.00"), z, z, z, z, z, z, z, z, z, y("100.00"), y(acct),
                y(cash), y("200.00"));
    }

    @Test
    void setlInfoMustAddUp() {
        assertEquals(y("60.00"), setl("60.00", "40.00").acctPay());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> setl("60.00", "39.99"));
        assertTrue(e.getMessage().contains("psn_part_amt"), e.getMessage());
    }

    @Test
    void aReversalNegatesEveryAmountAndStillAddsUp() {
        SetlInfo r = setl("60.00", "40.00").reversed(LocalDateTime.of(2026, 11, 23, 11, 0), y("260.00"));
        assertEquals(y("-100.00"), r.medfeeSumamt());
        assertEquals(y("-60.00"), r.acctPay());
        assertEquals(y("260.00"), r.balc());
    }

    @Test
    void pinsAreSixDigitsComparedWhollyAndNeverPrinted() {
        Pin pin = new Pin("123456".toCharArray());
        assertTrue(pin.matches(Pin.ofNullable("123456")));
        assertFalse(pin.matches(Pin.ofNullable("123457")));
        assertEquals("Pin[******]", pin.toString());
        assertThrows(IllegalArgumentException.class, () -> Pin.ofNullable("12345"));
        assertThrows(IllegalArgumentException.class, () -> Pin.ofNullable("12345a"));
        assertEquals(null, Pin.ofNullable(""));
    }

    @Test
    void feeLinesBoundTheirQuantity() {
        assertThrows(IllegalArgumentException.class, () -> line("0"));
        assertThrows(IllegalArgumentException.class, () -> line("-1"));
        assertThrows(IllegalArgumentException.class, () -> line("10001"));
        assertThrows(IllegalArgumentException.class, () -> line("1.00001"));
        assertEquals(new BigDecimal("0.5"), line("0.5").cnt());
    }

    private static FeeLine line(String cnt) {
        return new FeeLine("1", null, null, "X1", new BigDecimal(cnt), null, null);
    }

    @Test
    void lineSplitPartsMustMakeTheLineTotal() {
        assertThrows(IllegalArgumentException.class, () -> new LineSplit("1", "X1", "药", BigDecimal.ONE, y("10.00"),
                y("10.00"), ChrgitmLv.B, Money.ZERO, y("1.00"), y("8.00")));
    }

    @Test
    void everyRefusalHasAChineseAndAnEnglishMessage() {
        for (CounterRefusal r : CounterRefusal.values()) {
            assertTrue(r.messageZh().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), r.code());
            assertTrue(r.message().matches("[\\x20-\\x7e]+"), r.code());
        }
    }
}
