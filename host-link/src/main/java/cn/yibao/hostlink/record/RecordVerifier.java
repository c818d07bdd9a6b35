package cn.yibao.hostlink.record;

import cn.yibao.hostlink.crypto.Sm2;
import cn.yibao.hostlink.msg.MalformedMessageException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * The host's verification of one uploaded record, in this order: (1) the TLS identity is the
 * record's terminal; (2) the terminal is enrolled; (3) the content matches its declared hash and
 * the items their digest; (4) the SM2 signature; (5) the result is a {@link RecordResult} of a
 * known kind; (6) the chain — an identical record already held is a {@link RecordCheck#DUPLICATE},
 * a different one a conflict, a skipped sequence a gap, a wrong previous hash a broken chain;
 * (7) the msgid and the card transaction (card, TTI, counter) are fresh; (8) the card's TAC, unless
 * the proof says the card was not written; (9) the policy pack is known; (10) the split
 * re-computes. The first failure is returned.
 */
public final class RecordVerifier {

    private final ChainView view;
    private final TacVerifier tac;
    private final SplitRecomputer split;

    public RecordVerifier(ChainView view, TacVerifier tac, SplitRecomputer split) {
        this.view = Objects.requireNonNull(view);
        this.tac = Objects.requireNonNull(tac);
        this.split = Objects.requireNonNull(split);
    }

    /** Verifies {@code up}, received over a TLS connection authenticated as {@code peerTerminal}. */
    public RecordCheck verify(String peerTerminal, UploadedRecord up) {
        RecordCheck first = authenticate(peerTerminal, up);
        return first == RecordCheck.ACCEPTED ? admit(up) : first;
    }

    /**
     * Steps 1–5, which need no state but the enrolled key: safe to run in parallel, outside the
     * store's lock. {@link RecordCheck#ACCEPTED} means "continue with {@link #admit}".
     */
    public RecordCheck authenticate(String peerTerminal, UploadedRecord up) {
        return authenticated(peerTerminal, up).check();
    }

    /**
     * Steps 1–5 as {@link #authenticate}, keeping what step 5 parsed: the record's result, to be
     * handed to {@link #content(UploadedRecord, RecordResult)} and to the store, so that a record's
     * result is parsed once.
     */
    public Authenticated authenticated(String peerTerminal, UploadedRecord up) {
        return authenticated(view, peerTerminal, up);
    }

    /** Steps 1–5 as {@link #authenticated(String, UploadedRecord)}, with the signing key from {@code view}. */
    public Authenticated authenticated(ChainView view, String peerTerminal, UploadedRecord up) {
        SignedRecord r = up.record();
        if (!r.terminalId().equals(peerTerminal)) {
            return Authenticated.failed(RecordCheck.IDENTITY_MISMATCH);
        }
        Optional<PublicKey> key = view.signingKey(r.terminalId());
        if (key.isEmpty()) {
            return Authenticated.failed(RecordCheck.TERMINAL_UNKNOWN);
        }
        byte[] canonical = r.canonical();
        if (!Arrays.equals(Sm3.hash(canonical), up.declaredHash())
                || !Arrays.equals(Sm3.hash(up.items().getBytes(StandardCharsets.UTF_8)), r.itemsDigest())) {
            return Authenticated.failed(RecordCheck.RECORD_ALTERED);
        }
        if (!Sm2.verify(key.get(), canonical, r.signature())) {
            return Authenticated.failed(RecordCheck.SIGNATURE_INVALID);
        }
        try {
            return new Authenticated(RecordCheck.ACCEPTED, RecordResult.parse(r.result()));
        } catch (MalformedMessageException e) {
            return Authenticated.failed(RecordCheck.RECORD_KIND_UNKNOWN);
        }
    }

    /**
     * The outcome of steps 1–5.
     *
     * @param check  {@link RecordCheck#ACCEPTED} ("continue with {@link #admit}") or the first failure
     * @param result the record's parsed result when {@code check} is ACCEPTED, else null
     */
    public record Authenticated(RecordCheck check, RecordResult result) {

        public Authenticated {
            Objects.requireNonNull(check, "check");
            if ((check == RecordCheck.ACCEPTED) != (result != null)) {
                throw new IllegalArgumentException("a parsed result comes with ACCEPTED only");
            }
        }

        static Authenticated failed(RecordCheck check) {
            return new Authenticated(check, null);
        }
    }

    /** Steps 6–10; call under the store's lock after {@link #authenticate}. */
    public RecordCheck admit(UploadedRecord up) {
        return admit(up, content(up));
    }

    /**
     * Steps 8–10, which need no state of the store (the card's TAC, unless the card was not
     * written; the policy pack; the split): safe to run in parallel, outside the store's lock.
     * Their outcome is reported by {@link #admit(UploadedRecord, RecordCheck)} after the chain
     * and replay checks, so the verification order stays as documented.
     */
    public RecordCheck content(UploadedRecord up) {
        try {
            return content(up, RecordResult.parse(up.record().result()));
        } catch (MalformedMessageException e) {
            return RecordCheck.SPLIT_MISMATCH;
        }
    }

    /**
     * Steps 8–10 as {@link #content(UploadedRecord)}, with the record's result already parsed
     * (by {@link #authenticated}).
     */
    public RecordCheck content(UploadedRecord up, RecordResult result) {
        SignedRecord r = up.record();
        if (r.proof().write().isPresent() && !tac.verify(r)) {
            return RecordCheck.TAC_INVALID;
        }
        if (!split.knowsPolicy(r.policyVersion())) {
            return RecordCheck.POLICY_UNKNOWN;
        }
        return split.reproduces(r, up.items(), result) ? RecordCheck.ACCEPTED : RecordCheck.SPLIT_MISMATCH;
    }

    /**
     * Steps 6–7 against the store's current state (call under the store's lock), then the outcome
     * of steps 8–10 computed beforehand by {@link #content}.
     */
    public RecordCheck admit(UploadedRecord up, RecordCheck content) {
        return admit(view, up, content);
    }

    /**
     * Steps 6–7 as {@link #admit(UploadedRecord, RecordCheck)}, against {@code view}: the store as
     * seen inside the transaction that will write the record (a shared database, where another
     * host instance may have moved the chain since).
     */
    public RecordCheck admit(ChainView view, UploadedRecord up, RecordCheck content) {
        SignedRecord r = up.record();
        RecordCheck chain = chain(view, r.terminalId(), r, up.declaredHash());
        if (chain != RecordCheck.ACCEPTED) {
            return chain;
        }
        Optional<CardWrite> write = r.proof().write();
        if (view.msgidHeld(r.msgid()) || write.isPresent()
                && view.cardWriteHeld(r.proof().cardNo(), write.get().kind(), write.get().counter())) {
            return RecordCheck.RECORD_REPLAYED;
        }
        return content;
    }

    private static RecordCheck chain(ChainView view, String terminal, SignedRecord r, byte[] hash) {
        long high = view.highestSeq(terminal);
        if (r.seq() <= high) {
            return Arrays.equals(view.hashAt(terminal, r.seq()), hash)
                    ? RecordCheck.DUPLICATE : RecordCheck.SEQUENCE_CONFLICT;
        }
        if (r.seq() > high + 1) {
            return RecordCheck.SEQUENCE_GAP;
        }
        byte[] prev = high == 0 ? Sm3.genesis(terminal) : view.hashAt(terminal, high);
        return Arrays.equals(prev, r.prevHash()) ? RecordCheck.ACCEPTED : RecordCheck.CHAIN_BROKEN;
    }
}
