package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.tls.Crypto;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each way of slipping in, altering, reordering or removing a transaction is refused over real
 * TLS with its own code. Each case uses a fresh terminal (a refusal flags the terminal).
 */
class TamperingIT extends LoopbackHost {


    private static String replaced(String text, String from, String to) {
        assertTrue(text.contains(from), () -> from + " in " + text);
        return text.replace(from, to);
    }

    /** Uploads {@code honest} first (setting up the chain), then {@code tampered}; returns the latter's code. */
    private static String codeOf(VirtualTerminal t, List<UploadedRecord> honest, UploadedRecord tampered) throws Exception {
        try (HostSession s = t.session(host.port())) {
            if (!honest.isEmpty()) {
                VirtualTerminal.upload(s, honest);
            }
            return VirtualTerminal.upload(s, List.of(tampered)).code();
        }
    }

    @Test
    void editedRecordIsRefusedAsAltered() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-EDIT");
        UploadedRecord r = t.sign(10_000);
        SignedRecord edited = r.record().withResult(replaced(r.record().result(), "\"acct_pay\":100.00",
                "\"acct_pay\":10.00"));
        assertEquals("RECORD_ALTERED", codeOf(t, List.of(), new UploadedRecord(edited, r.declaredHash(), r.items())));
    }

    @Test
    void reorderedRecordIsRefusedAsBrokenChain() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-ORDER");
        t.sign(1000);
        UploadedRecord second = t.sign(2000);
        // the second settlement renumbered into first place and re-signed with the terminal's own key
        SignedRecord moved = RecordSigner.sign(t.creds.signingKey(), second.record().withSeq(1));
        assertEquals("CHAIN_BROKEN", codeOf(t, List.of(), UploadedRecord.of(moved, second.items())));
    }

    @Test
    void missingSequenceNumberIsRefusedAsGap() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-GAP");
        UploadedRecord first = t.sign(1000);
        t.sign(2000);
        assertEquals("SEQUENCE_GAP", codeOf(t, List.of(first), t.sign(3000)));
    }

    @Test
    void forgedSignatureIsRefused() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-FORGE");
        UploadedRecord r = t.sign(1000);
        SignedRecord forged = RecordSigner.sign(Crypto.sm2().getPrivate(), r.record());
        assertEquals("SIGNATURE_INVALID", codeOf(t, List.of(), UploadedRecord.of(forged, r.items())));
    }

    @Test
    void replayedRecordIsRefused() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-REPLAY");
        UploadedRecord first = t.sign(1000);
        SignedRecord r = first.record();
        // the same settlement (msgid, card counter, TAC) signed again as the next record of the chain
        SignedRecord replay = t.signer.next(r.time(), r.msgid(), r.policyVersion(), r.result(), first.items(), r.proof());
        assertEquals("RECORD_REPLAYED", codeOf(t, List.of(first), UploadedRecord.of(replay, first.items())));
    }

    @Test
    void terminalUsingAnotherTerminalsCertificateIsRefused() throws Exception {
        VirtualTerminal victim = new VirtualTerminal(host, dir, "TT-VICTIM");
        VirtualTerminal rogue = new VirtualTerminal(host, dir, "TT-ROGUE");
        // the rogue's own signed record, sent over a connection made with the victim's certificate
        assertEquals("IDENTITY_MISMATCH", codeOf(victim, List.of(), rogue.sign(1000)));
    }

    @Test
    void amountThatDoesNotRecomputeIsRefused() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-SPLIT");
        UploadedRecord r = t.sign(10_000);
        // correctly signed, TAC intact: the result claims a fund payment the engine does not give
        String inflated = replaced(r.record().result(), "\"fund_pay_sumamt\":0.00", "\"fund_pay_sumamt\":10.00");
        SignedRecord resigned = RecordSigner.sign(t.creds.signingKey(), r.record().withResult(inflated));
        assertEquals("SPLIT_MISMATCH", codeOf(t, List.of(), UploadedRecord.of(resigned, r.items())));
    }

    @Test
    void forgedCardTacIsRefused() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-TAC");
        UploadedRecord r = t.sign(1000);
        CardProof p = r.record().proof();
        // the operator signs a debit the card never made: everything right but the TAC
        SignedRecord resigned = RecordSigner.sign(t.creds.signingKey(), r.record().withProof(
                CardProof.written(p.cardNo(), p.write().orElseThrow().withTac(new byte[] {1, 2, 3, 4}))));
        assertEquals("TAC_INVALID", codeOf(t, List.of(), UploadedRecord.of(resigned, r.items())));
    }

    @Test
    void refusedTerminalIsFlaggedAndRefusedUntilCleared() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "TT-FLAG");
        UploadedRecord r = t.sign(1000);
        SignedRecord forged = RecordSigner.sign(Crypto.sm2().getPrivate(), r.record());
        codeOf(t, List.of(), UploadedRecord.of(forged, r.items()));
        assertEquals("TERMINAL_FLAGGED", codeOf(t, List.of(), r));
    }
}
