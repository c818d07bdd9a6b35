package cn.yibao.terminal.counter.live;

import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.SignedRecord;
import cn.yibao.hostlink.record.Sm3;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.terminal.journal.Journal;
import cn.yibao.terminal.journal.JournalTxn;
import cn.yibao.terminal.journal.StoredRecord;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.HexFormat;

/**
 * Commits a journal transaction with its signed record: SM3withSM2 by the terminal's enrolled key,
 * chained to the previous record by SM3, carrying the card's proof. Everything it signs comes from
 * the journal, so a transaction finished by recovery after a crash gets the same record as one
 * finished at the counter.
 */
public final class RecordChain {

    private final Journal journal;
    private final String terminalId;
    private final PrivateKey key;
    private final String policyVersion;
    private volatile Runnable committed = () -> { };

    /**
     * @param terminalId the terminal's id as in its certificate
     * @param key the terminal's SM2 signing key (from enrolment)
     * @param policyVersion the active policy pack's id
     */
    public RecordChain(Journal journal, String terminalId, PrivateKey key, String policyVersion) {
        this.journal = journal;
        this.terminalId = terminalId;
        this.key = key;
        this.policyVersion = policyVersion;
    }

    /** @return how a record names the policy pack its split was computed with: {@code region-version} */
    public static String policyVersion(cn.yibao.terminal.policy.PolicyPack pack) {
        return pack.region() + "-" + pack.version();
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
        String result = txn.result().orElseThrow(() -> new IllegalStateException("no result to sign: " + txn.id()));
        byte[] tac = txn.tac().map(t -> HexFormat.of().parseHex(t)).orElse(new byte[4]);
        CardProof proof = new CardProof(txn.cardSerial(), txn.cardCounter().orElse(0), txn.accountPay().fen(), tac);
        return journal.commit(txn.id(), head -> {
            byte[] prev = head.prevHash().length == 0 ? Sm3.genesis(terminalId) : head.prevHash();
            SignedRecord unsigned = new SignedRecord(terminalId, head.nextSeq(), prev, txn.created().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), txn.msgid(),
                    policyVersion, result, Sm3.hash(txn.request().getBytes(StandardCharsets.UTF_8)), proof,
                    new byte[0]);
            SignedRecord signed = RecordSigner.sign(key, unsigned);
            byte[] body = UploadedRecord.of(signed, txn.request()).toJson().toString().getBytes(StandardCharsets.UTF_8);
            return new StoredRecord(head.nextSeq(), txn.msgid(), signed.hash(), body);
        });
    }

    /** @return the terminal id records are signed for */
    public String terminalId() {
        return terminalId;
    }
}
