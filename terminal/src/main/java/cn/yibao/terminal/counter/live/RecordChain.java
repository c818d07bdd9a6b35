package cn.yibao.terminal.counter.live;

import cn.yibao.card.session.PendingDebit;
import cn.yibao.card.session.PendingLoad;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.RefundLoad;
import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.CardWrite;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.RecordKind;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.Sm3;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.terminal.counter.SetlInfo;
import cn.yibao.terminal.counter.Settlement;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.StoredRecord;
import cn.yibao.terminal.journal.Transactions;
import cn.yibao.terminal.journal.TxnKind;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * Commits a journal transaction with its signed record: SM3withSM2 by the terminal's enrolled key,
 * chained to the previous record by SM3, carrying the record result ({@link RecordResult}: kind,
 * identifiers and the engine's canonical result without its explanation lines), the SM3 of the canonical settlement request and
 * the card's proof (the journaled pending debit and the card's TAC, or "no card proof" when the
 * card was not written). Everything it signs comes from the journal, so a transaction finished by
 * recovery after a crash gets the same record as one finished at the counter.
 */
public final class RecordChain {

    private final Transactions transactions;
    private final String terminalId;
    private final PrivateKey key;
    private final String policyVersion;
    private volatile Runnable committed = () -> { };

    /**
     * @param terminalId the terminal's id as in its certificate
     * @param key the terminal's SM2 signing key (from enrolment)
     * @param policyVersion the active policy pack's {@link cn.yibao.terminal.policy.PolicyPack#policyVersion()}
     */
    public RecordChain(Transactions transactions, String terminalId, PrivateKey key, String policyVersion) {
        this.transactions = transactions;
        this.terminalId = terminalId;
        this.key = key;
        this.policyVersion = policyVersion;
    }

    /** COMMITTED, with the signed record appended in the same SQLite transaction. */
    public StoredRecord commit(JournalTxn txn) {
        StoredRecord stored = sign(txn);
        committed.run();
        return stored;
    }

    /**
     * Sets what runs after each record is committed (wakes store-and-forward); it must not throw
     * and must not block.
     */
    public void onCommitted(Runnable action) {
        this.committed = java.util.Objects.requireNonNull(action);
    }

    private StoredRecord sign(JournalTxn txn) {
        String result = recordResult(txn);
        CardProof proof = proof(txn);
        return transactions.commit(txn.id(), head -> {
            byte[] prev = head.prevHash().length == 0 ? Sm3.genesis(terminalId) : head.prevHash();
            SignedRecord unsigned = new SignedRecord(terminalId, head.nextSeq(), prev,
                    txn.created().truncatedTo(ChronoUnit.MILLIS), txn.msgid(), policyVersion, result,
                    Sm3.hash(txn.request().getBytes(StandardCharsets.UTF_8)), proof, new byte[0]);
            SignedRecord signed = RecordSigner.sign(key, unsigned);
            byte[] body = UploadedRecord.of(signed, txn.request()).toJson().toString().getBytes(StandardCharsets.UTF_8);
            return new StoredRecord(head.nextSeq(), txn.msgid(), signed.hash(), body);
        });
    }

    /**
     * @return the signed result: the journal's result (the engine's for a settlement; the
     *     cancellation's or admission's own) wrapped with the answer's identifiers
     */
    static String recordResult(JournalTxn txn) {
        String inner = txn.result().orElseThrow(() -> new IllegalStateException("no result to sign: " + txn.id()));
        JsonNode settlement = RecordResult.signedPart(FileJson.parse(inner.getBytes(StandardCharsets.UTF_8),
                Integer.MAX_VALUE, "result"));
        RecordResult r;
        if (txn.kind() == TxnKind.ADMIT) {
            JsonNode req = Json.parse(txn.request());
            String mdtrtId = req.path("mdtrt_id").asText();
            r = new RecordResult(RecordKind.ADMIT, mdtrtId, mdtrtId, req.path("psn_no").asText(),
                    req.path("med_type").asText(), settlement);
        } else {
            Settlement reply = ReplyCodec.read(txn.reply()
                    .orElseThrow(() -> new IllegalStateException("no answer to sign: " + txn.id())));
            SetlInfo answer = reply.setlinfo();
            RecordKind kind = txn.kind() == TxnKind.CANCEL ? RecordKind.CANCEL : RecordKind.SETTLE;
            r = new RecordResult(kind, answer.setlId(), answer.mdtrtId(), answer.psnNo(), answer.medType(), settlement,
                    reply.opter(), reply.opter() == null ? null : reply.opterName());
        }
        return new String(CanonicalJson.bytes(r.toJson()), StandardCharsets.UTF_8);
    }

    /**
     * @return the card's proof: the pending debit (or, for a cancellation, the refund load) and the
     *     card's TAC, else "no card proof"
     */
    static CardProof proof(JournalTxn txn) {
        if (txn.tac().isEmpty() || txn.pendingDebit().isEmpty()) {
            return CardProof.none(txn.cardSerial());
        }
        HexFormat hex = HexFormat.of().withUpperCase();
        if (txn.kind() == TxnKind.CANCEL) {
            RefundLoad refund = RefundLoad.fromJson(Json.parse(txn.pendingDebit().get()));
            PendingLoad l = refund.load();
            return CardProof.written(hex.formatHex(l.appSerial()), new CardWrite(ProofKind.LOAD, l.init().algorithm(),
                    l.init().onlineSeq(), l.amount().fen(), l.init().balance().fen(), l.terminalId(), 0, refund.time(),
                    new byte[0], hex.parseHex(txn.tac().get())));
        }
        PendingDebit d = PendingDebits.fromJson(txn.pendingDebit().get());
        return CardProof.written(hex.formatHex(d.appSerial()), new CardWrite(ProofKind.PURCHASE, d.algorithm(),
                d.offlineSeq(), d.amount().fen(), d.balanceBefore().fen(), d.terminalId(), d.terminalSeq(),
                d.time(), d.record().map(r -> r.encode()).orElse(new byte[0]), hex.parseHex(txn.tac().get())));
    }

    /** @return the terminal id records are signed for */
    public String terminalId() {
        return terminalId;
    }
}
