package cn.yibao.terminal.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.Money;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayTotalsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 4);

    @Test
    void aCancellationTakesItsSettlementBackAndItsAmountsAreSummedAsTheyAre() {
        DayTotals.Tally tally = new DayTotals.Tally(DAY);
        tally.add(false, Money.ofFen(5990), Money.ZERO, Money.ofFen(5990), Money.ZERO);
        tally.add(false, Money.ofFen(10000), Money.ofFen(6000), Money.ofFen(3000), Money.ofFen(1000));
        tally.add(true, Money.ofFen(-5990), Money.ZERO, Money.ofFen(-5990), Money.ZERO);

        assertEquals(new DayTotals(DAY, 1, 1, Money.ofFen(10000), Money.ofFen(6000), Money.ofFen(3000),
                Money.ofFen(1000)), tally.totals());
    }

    @Test
    void aCancellationAloneCountsNoNegativeSettlements() {
        DayTotals.Tally tally = new DayTotals.Tally(DAY);
        tally.add(true, Money.ofFen(-100), Money.ZERO, Money.ofFen(-100), Money.ZERO);

        DayTotals totals = tally.totals();
        assertEquals(0, totals.setlCnt());
        assertEquals(1, totals.cancelCnt());
        assertEquals(Money.ofFen(-100), totals.medfeeSumamt());
    }
}
