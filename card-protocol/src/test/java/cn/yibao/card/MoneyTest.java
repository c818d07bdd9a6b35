package cn.yibao.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void parsesYuanWithAtMostTwoDecimals() {
        assertEquals(1_032_00, Money.parseYuan("1032").fen());
        assertEquals(1_032_50, Money.parseYuan("1032.5").fen());
        assertEquals(1, Money.parseYuan("0.01").fen());
        assertEquals("7568.00", Money.parseYuan("7568").toYuanString());
    }

    @Test
    void refusesMoreThanTwoDecimalsAndGarbage() {
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1.001"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1e400"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("abc"));
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan(""));
    }

    @Test
    void timesRoundsHalfUpToTheFen() {
        // 8600.00 x 12 % = 1032.00 exactly; 0.05 fen rounding: 0.25 x 0.1 = 0.025 -> 0.03
        assertEquals(1_032_00, Money.parseYuan("8600").times(new BigDecimal("0.12")).fen());
        assertEquals(3, Money.ofFen(25).times(new BigDecimal("0.1")).fen());
        assertEquals(2, Money.ofFen(24).times(new BigDecimal("0.1")).fen());
    }

    @Test
    void refusesAbsurdAmounts() {
        assertThrows(IllegalArgumentException.class, () -> Money.parseYuan("1000000000"));
    }
}
