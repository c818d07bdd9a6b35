package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.hostlink.crypto.Sm2;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.terminal.counter.CounterRefusal;
import cn.yibao.terminal.counter.CounterRefusedException;
import cn.yibao.terminal.counter.PersonQuery;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.live.JournalUpload;
import cn.yibao.terminal.journal.StoredRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveCounterTest {

    static final String OMEPRAZOLE = "XA02BCA211A001010104174"; // A, 18.50, prescription
    static final String LIANHUA = "ZA04BAA0123010104145";      // B, 25.00
    static final String VITAMIN_C = "XA11GAA054A001010100261"; // C, 9.90
    static final String WATER = "N000000001";                  // N

    @TempDir
    Path dir;

    @Test
    void anEmployeeSaleDebitsTheAccountOnceAndSignsAChainedRecord() throws Exception {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            Money before = f.card.snapshot().balance();
            String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            var sale = CounterFixture.sale(psnNo, OMEPRAZOLE, "2", LIANHUA, "1", VITAMIN_C, "1");

            Settlement pre = f.counter.preSettlePharmacy(sale);
            assertEquals(Money.parseYuan("71.90"), pre.setlinfo().medfeeSumamt());
            assertEquals(Money.parseYuan("71.90"), pre.setlinfo().acctPay(), "the account pays the whole bill (包干)");
            assertEquals(before, f.card.snapshot().balance(), "pre-settlement debits nothing");

            Settlement done = f.counter.settlePharmacy(sale, Pin.ofNullable("123456"), "MSG-0001");
            assertNotNull(done.setlinfo().setlId());
            assertEquals(pre.setlinfo().acctPay(), done.setlinfo().acctPay());
            assertEquals(before.minus(Money.parseYuan("71.90")), f.card.snapshot().balance());
            assertEquals(1, f.card.snapshot().log().size());

            Settlement again = f.counter.settlePharmacy(sale, Pin.ofNullable("123456"), "MSG-0001");
            assertEquals(done, again, "a repeated msgid gets the first answer");
            assertEquals(before.minus(Money.parseYuan("71.90")), f.card.snapshot().balance(), "and debits nothing more");

            List<StoredRecord> records = f.journal.records().after(0, 10);
            assertEquals(1, records.size());
            UploadedRecord up = UploadedRecord.fromJson(new ObjectMapper().readTree(records.get(0).body()));
            assertTrue(Sm2.verify(CounterFixture.TERMINAL_KEY.getPublic(), up.record().canonical(), up.record().signature()));
            assertEquals(7190, up.record().proof().purseDebitFen());
            assertEquals(1, f.counter.todayTotals().setlCnt());
            assertEquals(1, f.counter.syncStatus().queued());

            JournalUpload upload = new JournalUpload(f.journal);
            assertEquals(List.of(up), upload.after(0, 100), "store-and-forward sees the signed record as stored");
            assertEquals(1, upload.headSeq());
            upload.acknowledge(1);
            upload.acknowledge(0);
            assertEquals(1, upload.ackedSeq(), "the cursor never moves back");
            assertEquals(0, f.counter.syncStatus().queued());
        }
    }

    @Test
    void aResidentPaysCashAndNeedsNoPin() {
        try (CounterFixture f = new CounterFixture(dir, "resident-adult")) {
            String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            Settlement done = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LIANHUA, "2"), null, "MSG-R1");
            assertEquals(Money.ZERO, done.setlinfo().acctPay());
            assertEquals(Money.parseYuan("50.00"), done.setlinfo().psnCashPay());
        }
    }

    @Test
    void refusalsLeaveCardAndJournalAsTheyWere() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = f.counter.queryPerson(PersonQuery.cardOnReader()).baseinfo().psnNo();
            Money before = f.card.snapshot().balance();
            assertRefused(CounterRefusal.NON_MEDICAL_GOODS,
                    () -> f.counter.settlePharmacy(CounterFixture.sale(psnNo, LIANHUA, "1", WATER, "1"), Pin.ofNullable("123456"), "M1"));
            assertRefused(CounterRefusal.PIN_REQUIRED,
                    () -> f.counter.settlePharmacy(CounterFixture.sale(psnNo, LIANHUA, "1"), null, "M2"));
            CounterRefusedException wrongPin = assertThrows(CounterRefusedException.class,
                    () -> f.counter.settlePharmacy(CounterFixture.sale(psnNo, LIANHUA, "1"), Pin.ofNullable("999999"), "M3"));
            assertTrue(wrongPin.refusal() instanceof CardException, "the card's own refusal: " + wrongPin.refusal().code());
            assertRefused(CounterRefusal.CARD_MISMATCH,
                    () -> f.counter.settlePharmacy(CounterFixture.sale("220100FFFFFFFFFFFFFFFF", LIANHUA, "1"), Pin.ofNullable("123456"), "M4"));
            assertEquals(before, f.card.snapshot().balance());
            assertEquals(0, f.card.snapshot().log().size());
            assertTrue(f.journal.queries().recent(10).isEmpty(), "nothing journaled");
            // the same msgid can be used again once the cause is fixed
            f.counter.settlePharmacy(CounterFixture.sale(psnNo, LIANHUA, "1"), Pin.ofNullable("123456"), "M2");
            assertEquals(before.minus(Money.parseYuan("25.00")), f.card.snapshot().balance());
        }
    }

    @Test
    void lostAndInHospitalCardsAreRefused() {
        for (String[] c : new String[][] {{"lost", "CARD_LOST"}, {"blacklisted", "CARD_BLACKLISTED"}, {"in-hospital", "CARD_IN_HOSPITAL"}}) {
            try (CounterFixture f = new CounterFixture(dir.resolve(c[0]), c[0])) {
                CounterRefusedException e = assertThrows(CounterRefusedException.class,
                        () -> f.counter.preSettlePharmacy(CounterFixture.sale("x", LIANHUA, "1")));
                assertEquals(c[1], e.refusal().code());
            }
        }
    }

    private static void assertRefused(CounterRefusal expected, org.junit.jupiter.api.function.Executable call) {
        CounterRefusedException e = assertThrows(CounterRefusedException.class, call);
        assertEquals(expected, e.refusal());
    }
}
