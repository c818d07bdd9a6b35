package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.settlement.ItemClass;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.VisitType;
import org.junit.jupiter.api.Test;

/** {@code terminal bench settle} runs its four scenarios (figures are not asserted: that is the benchmark's job). */
class BenchSettleCommandTest {

    @Test
    void runsEveryScenario() {
        CliRun run = CliRun.run("bench", "settle", "--warmup", "0", "--seconds", "0.05");
        assertEquals(0, run.exit(), run.err());
        for (String scenario : new String[] {"engine pharmacy 10 items", "engine inpatient 5000 items",
            "json+engine pharmacy 10 items", "json+engine inpatient 5000 items"}) {
            assertTrue(run.out().contains(scenario), run.out());
        }
    }

    @Test
    void rejectsAbsurdDurations() {
        assertEquals(2, CliRun.run("bench", "settle", "--seconds", "0").exit());
        assertEquals(2, CliRun.run("bench").exit());
    }

    @Test
    void scenariosAreTheAdvertisedSizes() {
        SettlementRequest pharmacy = BenchSettleCommand.pharmacySale(10);
        SettlementRequest inpatient = BenchSettleCommand.inpatientBill(5_000);
        assertEquals(10, pharmacy.items().size());
        assertEquals(VisitType.PHARMACY, pharmacy.visit().type());
        assertEquals(5_000, inpatient.items().size());
        assertTrue(inpatient.items().stream().anyMatch(i -> i.itemClass() == ItemClass.B));
    }
}
