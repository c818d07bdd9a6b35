package cn.yibao.simulator.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's model figures are deterministic: check the goals of issue 3 against them. */
class CardBenchTest {

    @TempDir
    Path dir;

    @Test
    void aSaleIsSixContactlessCommandsWithinTheModelledBudget() {
        CardBench.Report r = CardBench.run(dir, 3);
        assertEquals(6, r.cardCommands());
        assertEquals(List.of("00A40400", "00820084", "00200000", "80B40001", "80500102", "80540100"),
                r.steps().stream().filter(s -> s.device().equals("card")).map(CardBench.Step::command).toList());
        assertEquals(4, r.psamCommands());
        assertTrue(r.tapNanos() <= 250_000_000L, "modelled tap " + r.tapNanos());
        assertTrue(r.tapNanos() >= 40_000_000L, "a model this fast would be unrealistic: " + r.tapNanos());
        assertEquals(3, r.wallFsync().length);
        assertEquals(3, r.wallNoFsync().length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CardBench.print(r, 3, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("contactless commands per sale: 6"));
    }

    @Test
    void theModelChainsLongCommandsAndExtendsTheWaitingTime() {
        TimingModel m = TimingModel.contactless();
        long short1 = m.exchangeNanos(20, 10, ChipWork.NONE);
        long chained = m.exchangeNanos(130, 10, ChipWork.NONE);
        assertTrue(chained > short1 + 2 * (130 - 20) * 9 * 1_000_000_000L / 106_000 / 2, "chaining costs air time");
        long slow = m.exchangeNanos(20, 10, new ChipWork(0, 14));
        long fast = m.exchangeNanos(20, 10, new ChipWork(0, 12));
        assertTrue(slow - fast > 6_000_000L, "crossing the FWT adds a WTX exchange");
    }
}
