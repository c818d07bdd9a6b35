package cn.yibao.simulator.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The PC/SC sale benchmark runs and every sale it times is a real, completed debit (no timing asserted). */
@ExtendWith(PcscdExtension.class)
class PcscSaleBenchIT {

    @TempDir
    Path dataDir;

    @Test
    void everyTimedSaleDebitsTheCard(PrivatePcscd pcscd) {
        PcscSaleBench.Report report = PcscSaleBench.run(pcscd, dataDir, 2, 5);

        assertEquals(5, report.connected().length);
        assertEquals(5, report.withConnect().length);
        assertTrue(Arrays.stream(report.connected()).allMatch(t -> t > 0));
        VirtualCard card = new VirtualCard("employee", dataDir);
        assertEquals(2 + 5 + 5, card.snapshot().offlineCounter());
    }
}
