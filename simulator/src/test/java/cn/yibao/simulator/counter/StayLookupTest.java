package cn.yibao.simulator.counter;

import static cn.yibao.simulator.counter.VisitFlowTest.PIN;
import static cn.yibao.simulator.counter.VisitFlowTest.assertRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.Stay;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The discharge desk finds a stay by the hospital's 住院号 (ipt_otp_no): its lines, total and discharge state. */
class StayLookupTest {

    @TempDir
    Path dir;

    @Test
    void aStayIsFoundByItsInpatientNumberUntilItIsSettled() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = VisitFlowTest.psnNo(f);
            assertRefused(CounterRefusal.VISIT_NOT_FOUND, () -> f.counter.stay("IP-1"));
            Visit stay = f.counter.admit(VisitFlowTest.admission(psnNo), PIN, "A-1");
            Stay empty = f.counter.stay("IP-1");
            assertEquals(List.of(), empty.lines());
            f.counter.uploadFees(VisitFlowTest.fees(stay, psnNo, "D1", LiveCounterTest.LIANHUA, "4"));
            f.counter.uploadFees(VisitFlowTest.fees(stay, psnNo, "D2", LiveCounterTest.VITAMIN_C, "1"));

            Stay open = f.counter.stay("IP-1");
            assertEquals(stay.mdtrtId(), open.mdtrtId());
            assertEquals(psnNo, open.psnNo());
            assertFalse(open.discharged(), "not discharged yet: the console stops before the PIN");
            assertEquals(List.of("D1", "D2"), open.lines().stream().map(Stay.Line::feedetlSn).toList());
            assertEquals("连花清瘟胶囊", open.lines().get(0).name());
            assertEquals("0.35g*24粒", open.lines().get(0).spec());
            assertEquals(Money.parseYuan("100.00"), open.lines().get(0).detItemFeeSumamt());
            assertEquals(Money.parseYuan("109.90"), open.total());

            f.counter.discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, null));
            assertTrue(f.counter.stay("IP-1").discharged());
            f.counter.settleVisit(new VisitSettle(psnNo, stay.mdtrtId(), "1", null, null), PIN, "S-1");
            assertRefused(CounterRefusal.VISIT_NOT_FOUND, () -> f.counter.stay("IP-1"));
        }
    }
}
