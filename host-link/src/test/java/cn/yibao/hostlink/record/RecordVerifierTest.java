package cn.yibao.hostlink.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.yibao.hostlink.tls.Crypto;
import java.security.KeyPair;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RecordVerifierTest {

    private final KeyPair t1 = Crypto.sm2();
    private final KeyPair t2 = Crypto.sm2();
    private MemoryChain chain;
    private RecordVerifier verifier;
    private RecordSigner signer;
    private int n;

    @BeforeEach
    void setUp() {
        chain = new MemoryChain();
        chain.keys.put("T1", t1.getPublic());
        chain.keys.put("T2", t2.getPublic());
        verifier = new RecordVerifier(chain, IssuerTacVerifier.testIssuer(), TestSettlements.RECOMPUTER);
        signer = new RecordSigner("T1", t1.getPrivate(), 0, null);
    }

    private UploadedRecord next() {
        n++;
        return TestSettlements.next(signer, "MSG" + n, String.format("%016X", n), n, 10_000 + n, false,
                Instant.parse("2026-11-23T08:00:00Z").plusSeconds(n));
    }

    private UploadedRecord accepted() {
        UploadedRecord u = next();
        assertEquals(RecordCheck.ACCEPTED, verifier.verify("T1", u));
        chain.accept(u.record());
        return u;
    }

    @Test
    void honestChainIsAcceptedAndResendIsDuplicate() {
        UploadedRecord first = accepted();
        accepted();
        assertEquals(RecordCheck.DUPLICATE, verifier.verify("T1", first));
    }

    @Test
    void authenticationHandsOnTheParsedResultOfAnAuthenticRecordOnly() {
        UploadedRecord u = next();
        RecordVerifier.Authenticated ok = verifier.authenticated("T1", u);
        assertEquals(RecordCheck.ACCEPTED, ok.check());
        assertEquals(RecordResult.parse(u.record().result()), ok.result());
        assertEquals(RecordCheck.ACCEPTED, verifier.content(u, ok.result()));
        RecordVerifier.Authenticated other = verifier.authenticated("T2", u);
        assertEquals(RecordCheck.IDENTITY_MISMATCH, other.check());
        assertNull(other.result());
        UploadedRecord forged = UploadedRecord.of(RecordSigner.sign(t2.getPrivate(), u.record()), u.items());
        assertEquals(new RecordVerifier.Authenticated(RecordCheck.SIGNATURE_INVALID, null),
                verifier.authenticated("T1", forged));
    }

    @Test
    void otherTerminalsCertificateIsIdentityMismatch() {
        assertEquals(RecordCheck.IDENTITY_MISMATCH, verifier.verify("T2", next()));
    }

    @Test
    void editedAmountIsAltered() {
        UploadedRecord u = next();
        SignedRecord r = u.record();
        SignedRecord edited = r.withResult(r.result().replace("medfee_sumamt\":\"1", "medfee_sumamt\":\"2"));
        assertEquals(RecordCheck.RECORD_ALTERED, verifier.verify("T1", new UploadedRecord(edited, u.declaredHash(), u.items())));
    }

    @Test
    void forgedSignatureIsInvalid() {
        UploadedRecord u = next();
        SignedRecord forged = RecordSigner.sign(t2.getPrivate(), u.record());
        assertEquals(RecordCheck.SIGNATURE_INVALID, verifier.verify("T1", UploadedRecord.of(forged, u.items())));
    }

    @Test
    void skippedSequenceIsGap() {
        accepted();
        next();
        assertEquals(RecordCheck.SEQUENCE_GAP, verifier.verify("T1", next()));
    }

    @Test
    void reorderedRecordBreaksTheChain() {
        UploadedRecord a = next();
        UploadedRecord b = next();
        // the terminal's key re-signs b in a's place: right number, wrong predecessor
        SignedRecord r = b.record();
        SignedRecord moved = RecordSigner.sign(t1.getPrivate(), r.withSeq(1));
        assertEquals(RecordCheck.CHAIN_BROKEN, verifier.verify("T1", UploadedRecord.of(moved, b.items())));
        assertEquals(RecordCheck.ACCEPTED, verifier.verify("T1", a));
    }

    @Test
    void replayedSettlementUnderNewSequenceIsReplay() {
        UploadedRecord first = accepted();
        SignedRecord r = first.record();
        SignedRecord replay = signer.next(r.time(), r.msgid(), r.policyVersion(), r.result(), first.items(), r.proof());
        assertEquals(RecordCheck.RECORD_REPLAYED, verifier.verify("T1", UploadedRecord.of(replay, first.items())));
    }

    @Test
    void differentRecordAtHeldSequenceIsConflict() {
        UploadedRecord first = accepted();
        RecordSigner other = new RecordSigner("T1", t1.getPrivate(), 0, null);
        UploadedRecord rival = TestSettlements.next(other, "OTHER", "00000000000000C9", 9, 500, false, Instant.now());
        assertEquals(1, first.record().seq());
        assertEquals(RecordCheck.SEQUENCE_CONFLICT, verifier.verify("T1", rival));
    }

    @Test
    void wrongTacIsRejected() {
        UploadedRecord u = next();
        SignedRecord r = u.record();
        CardProof bad = CardProof.written(r.proof().cardNo(), r.proof().write().orElseThrow().withTac(new byte[4]));
        SignedRecord resigned = RecordSigner.sign(t1.getPrivate(), r.withProof(bad));
        assertEquals(RecordCheck.TAC_INVALID, verifier.verify("T1", UploadedRecord.of(resigned, u.items())));
    }

    @Test
    void amountThatDoesNotRecomputeIsSplitMismatch() {
        UploadedRecord u = next();
        SignedRecord r = u.record();
        String inflated = r.result().replace("\"fund_pay_sumamt\":\"", "\"fund_pay_sumamt\":\"1");
        assertEquals(false, inflated.equals(r.result()));
        SignedRecord resigned = RecordSigner.sign(t1.getPrivate(), r.withResult(inflated));
        assertEquals(RecordCheck.SPLIT_MISMATCH, verifier.verify("T1", UploadedRecord.of(resigned, u.items())));
    }

    @Test
    void unknownTerminalIsRejected() {
        RecordSigner s3 = new RecordSigner("T3", t1.getPrivate(), 0, null);
        UploadedRecord u = TestSettlements.next(s3, "M", "00000000000000C1", 1, 100, false, Instant.now());
        assertEquals(RecordCheck.TERMINAL_UNKNOWN, verifier.verify("T3", u));
    }

    @Test
    void canonicalBytesAreStable() {
        UploadedRecord u = next();
        SignedRecord r = u.record();
        SignedRecord copy = UploadedRecord.fromJson(u.toJson()).record();
        assertEquals(r, copy);
        assertEquals(java.util.HexFormat.of().formatHex(r.hash()), java.util.HexFormat.of().formatHex(copy.hash()));
    }

    @Test
    void cashSalesOfOneCardAreNotReplaysAndCarryNoTac() {
        String card = "00000000000000AA";
        Instant t = Instant.parse("2026-11-23T08:00:00Z");
        for (int i = 1; i <= 2; i++) {
            UploadedRecord cash = TestSettlements.next(signer, "CASH" + i, card, 7, 1_000, true, t);
            assertEquals(ProofKind.NONE, cash.record().proof().kind());
            assertEquals(RecordCheck.ACCEPTED, verifier.verify("T1", cash), "cash sale " + i);
            chain.accept(cash.record());
        }
        UploadedRecord debit = TestSettlements.next(signer, "DEBIT", card, 7, 1_000, false, t);
        assertEquals(RecordCheck.ACCEPTED, verifier.verify("T1", debit));
        chain.accept(debit.record());
        UploadedRecord again = TestSettlements.next(signer, "DEBIT2", card, 7, 1_000, false, t);
        assertEquals(RecordCheck.RECORD_REPLAYED, verifier.verify("T1", again), "same card, TTI and counter");
    }

    @Test
    void cashSaleClaimingAnAccountPaymentDoesNotRecompute() {
        UploadedRecord cash = TestSettlements.next(signer, "CASH", "00000000000000AB", 1, 1_000, true, Instant.now());
        SignedRecord r = cash.record();
        String claimed = r.result().replace("\"acct_pay\":\"0.00\"", "\"acct_pay\":\"3.00\"")
                .replace("\"psn_cash_pay\":\"4.00\"", "\"psn_cash_pay\":\"1.00\"");
        assertEquals(false, claimed.equals(r.result()));
        SignedRecord resigned = RecordSigner.sign(t1.getPrivate(), r.withResult(claimed));
        assertEquals(RecordCheck.SPLIT_MISMATCH, verifier.verify("T1", UploadedRecord.of(resigned, cash.items())));
    }

    @Test
    void unknownKindAndUnknownPolicyHaveTheirOwnCodes() {
        UploadedRecord u = next();
        SignedRecord r = u.record();
        SignedRecord cancel = RecordSigner.sign(t1.getPrivate(), r.withResult(r.result().replace("SETTLE", "REFUND")));
        assertEquals(RecordCheck.RECORD_KIND_UNKNOWN, verifier.verify("T1", UploadedRecord.of(cancel, u.items())));
        SignedRecord other = RecordSigner.sign(t1.getPrivate(), new SignedRecord(r.terminalId(), r.seq(), r.prevHash(),
                r.time(), r.msgid(), "220100-1999", r.result(), r.itemsDigest(), r.proof(), new byte[0]));
        assertEquals(RecordCheck.POLICY_UNKNOWN, verifier.verify("T1", UploadedRecord.of(other, u.items())));
    }

    @Test
    void proofRoundTripsThroughTheUploadForm() {
        UploadedRecord u = next();
        CardProof p = UploadedRecord.fromJson(u.toJson()).record().proof();
        long actual = cn.yibao.hostlink.msg.Json.bytes(u.toJson()).length;
        assertEquals(true, u.wireSizeBound() >= actual && u.wireSizeBound() < actual + 2048,
                "the size bound " + u.wireSizeBound() + " holds the upload form's " + actual + " bytes");
        assertEquals(u.record().proof(), p);
        assertEquals(ProofKind.PURCHASE, p.kind());
        CardProof none = CardProof.none("ABC");
        assertEquals(none, CardProof.fromJson("ABC", none.toJson()));
    }
}
