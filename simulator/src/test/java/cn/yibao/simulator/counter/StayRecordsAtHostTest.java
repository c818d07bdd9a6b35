package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.card.app.CardState;
import cn.yibao.hostlink.record.RecordCheck;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.terminal.counter.AdmissionRequest;
import cn.yibao.terminal.counter.DrugInfo;
import cn.yibao.terminal.counter.FeeLine;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.PharmacySale;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.StayCancel;
import cn.yibao.terminal.counter.live.JournalUpload;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The records of a cancelled admission (2404) and of a sale priced at 0.0325 yuan a unit pass the
 * host's real checks (issue 24): the cancellation is an admission record of amount 0 whose card
 * state is NORMAL again, with the card's proof.
 */
class StayRecordsAtHostTest {

    @TempDir
    Path dir;

    @Test
    void aCancelledAdmissionAndAFractionalUnitPriceSaleAreAcceptedByTheHost() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            Pin pin = Pin.ofNullable("123456");
            String mdtrtId = f.counter.admit(new AdmissionRequest(psnNo, null, null, "IP-1", null, null), pin, "MSG-A1")
                    .mdtrtId();
            assertEquals("CANCELLED", f.counter.cancelAdmission(new StayCancel(mdtrtId, psnNo), pin, "MSG-A2").state());
            assertEquals(CardState.NORMAL, f.card.snapshot().insurance().cardState());
            f.counter.settlePharmacy(new PharmacySale(new DrugInfo(psnNo, "41", "1", null), List.of(new FeeLine("1",
                    null, null, LiveCounterTest.LIANHUA, new BigDecimal("3"), new BigDecimal("0.0325"), null))), pin,
                    "MSG-S1");
            assertEquals(List.of(RecordCheck.ACCEPTED, RecordCheck.ACCEPTED, RecordCheck.ACCEPTED),
                    CounterRecordAtHostTest.verifyAll(f, new CounterRecordAtHostTest.Held()));
            RecordResult cancel = RecordResult.parse(new JournalUpload(f.journal).after(1, 1).get(0).record().result());
            assertEquals(mdtrtId, cancel.mdtrtId());
        }
    }
}
