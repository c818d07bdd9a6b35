package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.record.ChainView;
import cn.yibao.hostlink.record.IssuerTacVerifier;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.RecordCheck;
import cn.yibao.hostlink.record.RecordKind;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.RecordVerifier;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.ForwardJournal;
import cn.yibao.simulator.host.EngineSplitRecomputer;
import cn.yibao.terminal.counter.CancelRequest;
import cn.yibao.terminal.counter.DischargeRequest;
import cn.yibao.terminal.counter.Opter;
import cn.yibao.terminal.counter.Pin;
import cn.yibao.terminal.counter.RegisterRequest;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.counter.Visit;
import cn.yibao.terminal.counter.VisitSettle;
import cn.yibao.terminal.counter.live.JournalUpload;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live counter's records pass the host's real checks: the issuer verifies the card's TAC, the
 * engine re-computes the split with the pack the record names, and cash sales by one card (the
 * card not written) are not replays of each other.
 */
class CounterRecordAtHostTest {

    @TempDir
    Path dir;

    /** The host's view of one terminal's chain, in memory. */
    static final class Held implements ChainView {
        private final Map<Long, byte[]> hashes = new HashMap<>();
        private final Set<String> msgids = new HashSet<>();
        private final Set<String> writes = new HashSet<>();

        void accept(SignedRecord r) {
            hashes.put(r.seq(), r.hash());
            msgids.add(r.msgid());
            r.proof().write().ifPresent(w -> writes.add(r.proof().cardNo() + w.kind() + w.counter()));
        }

        @Override
        public Optional<PublicKey> signingKey(String terminal) {
            return Optional.of(CounterFixture.TERMINAL_KEY.getPublic());
        }

        @Override
        public long highestSeq(String terminal) {
            return hashes.size();
        }

        @Override
        public byte[] hashAt(String terminal, long seq) {
            return hashes.get(seq);
        }

        @Override
        public boolean msgidHeld(String msgid) {
            return msgids.contains(msgid);
        }

        @Override
        public boolean cardWriteHeld(String cardNo, ProofKind kind, int counter) {
            return writes.contains(cardNo + kind + counter);
        }
    }

    static List<RecordCheck> verifyAll(CounterFixture f, Held held) {
        RecordVerifier verifier = new RecordVerifier(held, IssuerTacVerifier.testIssuer(), EngineSplitRecomputer.bundled());
        ForwardJournal upload = new JournalUpload(f.journal);
        return upload.after(0, 100).stream().map(up -> {
            RecordCheck c = verifier.verify(f.psam.terminalId(), up);
            held.accept(up.record());
            return c;
        }).toList();
    }

    @Test
    void aDebitedSaleCarriesTheCardsProofAndTheHostAcceptsIt() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            String psnNo = f.counter.queryPerson(cn.yibao.terminal.counter.PersonQuery.cardOnReader()).baseinfo().psnNo();
            Settlement done = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.OMEPRAZOLE, "2",
                    LiveCounterTest.LIANHUA, "1"), Pin.ofNullable("123456"), "MSG-H1");
            Held held = new Held();
            assertEquals(List.of(RecordCheck.ACCEPTED), verifyAll(f, held));
            UploadedRecord up = new JournalUpload(f.journal).after(0, 1).get(0);
            assertEquals(ProofKind.PURCHASE, up.record().proof().kind());
            assertEquals(done.setlinfo().acctPay().fen(), up.record().proof().purseDebitFen());
            RecordResult result = RecordResult.parse(up.record().result());
            assertEquals(done.setlinfo().setlId(), result.setlId());
            assertEquals(psnNo, result.psnNo());
            assertEquals("41", result.medType());
            assertEquals(done.setlinfo().acctPay(), result.setlinfo("acct_pay"));
        }
    }

    @Test
    void twoCashSalesByOneCardAreNotReplays() {
        try (CounterFixture f = new CounterFixture(dir, "resident-adult")) {
            String psnNo = f.counter.queryPerson(cn.yibao.terminal.counter.PersonQuery.cardOnReader()).baseinfo().psnNo();
            f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), null, "MSG-C1");
            f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "2"), null, "MSG-C2");
            assertEquals(List.of(RecordCheck.ACCEPTED, RecordCheck.ACCEPTED), verifyAll(f, new Held()));
            UploadedRecord up = new JournalUpload(f.journal).after(0, 1).get(0);
            assertEquals(ProofKind.NONE, up.record().proof().kind(), "the card was not written: no card proof");
        }
    }

    @Test
    void visitAdmissionDischargeAndCancellationRecordsPassTheHostsChecks() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            f.host.use(new RefundHost());
            String psnNo = VisitFlowTest.psnNo(f);
            Visit v = f.counter.register(new RegisterRequest(psnNo, null, "OP-1", null, null));
            f.counter.uploadFees(VisitFlowTest.fees(v, psnNo, "F1", LiveCounterTest.LIANHUA, "2"));
            Settlement paid = f.counter.settleVisit(new VisitSettle(psnNo, v.mdtrtId(), "1", null, null),
                    VisitFlowTest.PIN, "V-1");
            f.journal.uploads().acknowledge(1);
            f.counter.cancel(new CancelRequest(paid.setlinfo().setlId(), null, psnNo), "C-1");
            Visit stay = f.counter.admit(VisitFlowTest.admission(psnNo), VisitFlowTest.PIN, "A-1");
            f.counter.uploadFees(VisitFlowTest.fees(stay, psnNo, "D1", LiveCounterTest.LIANHUA, "40"));
            f.counter.discharge(new DischargeRequest(stay.mdtrtId(), psnNo, null, null));
            f.counter.settleVisit(new VisitSettle(psnNo, stay.mdtrtId(), "1", null, null), VisitFlowTest.PIN, "S-1");

            assertEquals(List.of(RecordCheck.ACCEPTED, RecordCheck.ACCEPTED, RecordCheck.ACCEPTED, RecordCheck.ACCEPTED),
                    verifyAll(f, new Held()));
            List<UploadedRecord> ups = new JournalUpload(f.journal).after(0, 10);
            List<RecordKind> kinds = ups.stream().map(u -> RecordResult.parse(u.record().result()).kind()).toList();
            assertEquals(List.of(RecordKind.SETTLE, RecordKind.CANCEL, RecordKind.ADMIT, RecordKind.SETTLE), kinds);
            assertEquals(ProofKind.LOAD, ups.get(1).record().proof().kind(), "the refund is the card's load");
            assertEquals(paid.setlinfo().setlId(), RecordResult.parse(ups.get(1).record().result()).setlId());
            assertEquals(ProofKind.PURCHASE, ups.get(2).record().proof().kind());
            assertEquals(0, ups.get(2).record().proof().purseDebitFen(), "an admission debits nothing");
            assertEquals("21", RecordResult.parse(ups.get(3).record().result()).medType());
        }
    }

    @Test
    void theOperatorOfASaleAndOfItsCancellationIsSignedAndTheHostAcceptsIt() {
        try (CounterFixture f = new CounterFixture(dir, "employee")) {
            f.host.use(new RefundHost());
            String psnNo = VisitFlowTest.psnNo(f);
            Settlement paid = f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"),
                    VisitFlowTest.PIN, "MSG-O1", new Opter("1001", "王收银"));
            assertEquals("1001", paid.opter());
            f.journal.uploads().acknowledge(1);
            Settlement undo = f.counter.cancel(new CancelRequest(paid.setlinfo().setlId(), null, psnNo), "MSG-O2",
                    new Opter("1002", "李收银"), "撤销原因：顾客退货；批准主管：9001 赵主管");
            assertEquals("1002", undo.opter());
            f.counter.settlePharmacy(CounterFixture.sale(psnNo, LiveCounterTest.LIANHUA, "1"), VisitFlowTest.PIN, "MSG-O3");

            assertEquals(List.of(RecordCheck.ACCEPTED, RecordCheck.ACCEPTED, RecordCheck.ACCEPTED),
                    verifyAll(f, new Held()), "the host re-computes the split with the operator in the record");
            List<RecordResult> results = new JournalUpload(f.journal).after(0, 10).stream()
                    .map(u -> RecordResult.parse(u.record().result())).toList();
            assertEquals(List.of("1001", "1002", "HIS"), results.stream().map(RecordResult::opter).toList());
            assertEquals(List.of("王收银", "李收银", "HIS接口"), results.stream().map(RecordResult::opterName).toList());
            List<cn.yibao.terminal.counter.JournalEntry> entries = f.counter.searchJournal(
                    new cn.yibao.terminal.counter.JournalQuery(null, null, null, null, null, null));
            assertEquals(List.of("HIS", "1002", "1001"), entries.stream().map(cn.yibao.terminal.counter.JournalEntry::opter)
                    .toList(), "5203 names each entry's operator");
            List<cn.yibao.terminal.devices.ReceiptLine> voucher = cn.yibao.terminal.counter.live.Receipts.of(undo,
                    "定点零售药店", f.psam.terminalId()).lines();
            assertTrue(voucher.contains(new cn.yibao.terminal.devices.ReceiptLine.Pair("操作员", "1002 李收银")),
                    voucher.toString());
            assertTrue(voucher.contains(new cn.yibao.terminal.devices.ReceiptLine.Text("撤销原因：顾客退货；批准主管：9001 赵主管")),
                    voucher.toString());
        }
    }
}
