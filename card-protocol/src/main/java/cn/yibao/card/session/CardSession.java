package cn.yibao.card.session;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.Transport;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.ResponseApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.CardIdentity;
import cn.yibao.card.app.LoadInit;
import cn.yibao.card.app.MedicalData;
import cn.yibao.card.app.MedicalLogRecord;
import cn.yibao.card.app.PurchaseInit;
import cn.yibao.card.app.SelectAnswer;
import cn.yibao.card.app.SettlementRecord;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The terminal's API to a medical-insurance card and its PSAM. A sale is six contactless commands:
 * SELECT, EXTERNAL AUTHENTICATE, VERIFY, READ MEDICAL DATA, INITIALIZE FOR PURCHASE, DEBIT (plus
 * three PSAM commands, and one more the first time to read the terminal id). Not thread-safe: one
 * session per tap.
 *
 * <p>Every failure is a {@link CardException}; a card leaving the field is
 * {@link CardError#CARD_REMOVED}, and during DEBIT it carries the {@link PendingDebit} to give to
 * {@link #recover(PendingDebit)}.
 */
public final class CardSession {

    private final Link card;
    private final PsamClient psam;
    private SelectAnswer selected;

    /**
     * @param card the contactless card
     * @param psam the PSAM in the reader's SAM slot
     */
    public CardSession(Transport card, Transport psam) {
        this.card = new Link(card, CardError.CARD_REMOVED);
        this.psam = new PsamClient(new Link(psam, CardError.PSAM_UNAVAILABLE));
    }

    /** Reads the card without the PIN: SELECT, EXTERNAL AUTHENTICATE, READ (no accumulators). */
    public CardInfo readCard() {
        return read(null);
    }

    /**
     * Reads the card with the PIN: SELECT, EXTERNAL AUTHENTICATE, VERIFY, READ (with accumulators).
     * After it the session may {@link #settle} without another VERIFY.
     */
    public CardInfo readCard(String pin) {
        CardCommands.pinBlock(pin);
        return read(pin);
    }

    private CardInfo read(String pin) {
        SelectAnswer answer = select();
        CardIdentity id = answer.identity();
        byte[] cryptogram = psam.authCryptogram(id.algorithm(), id.appSerial(), answer.challenge());
        card.require(CardCommands.externalAuthenticate(cryptogram), "EXTERNAL AUTHENTICATE");
        if (pin != null) {
            verifyPin(pin);
        }
        MedicalData data = MedicalData.parse(card.require(CardCommands.readMedical(pin != null), "READ MEDICAL DATA"));
        if (pin != null && data.accumulators().isEmpty()) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "accumulators missing");
        }
        return new CardInfo(id, answer.holder(), data.insurance(), data.purse(), data.pinTriesLeft(),
                data.accumulators());
    }

    /** @return the SELECT answer of the card in the field (identity, holder, challenge, counter) */
    public SelectAnswer select() {
        selected = SelectAnswer.parse(card.require(CardCommands.selectSsse(), "SELECT"));
        return selected;
    }

    /**
     * VERIFY: a wrong PIN is {@link CardError#PIN_WRONG} with the tries left, a locked one
     * {@link CardError#BLOCKED}.
     */
    public void verifyPin(String pin) {
        card.require(CardCommands.verify(pin), "VERIFY");
    }

    /** CHANGE PIN (old, then new). */
    public void changePin(String oldPin, String newPin) {
        card.require(CardCommands.changePin(oldPin, newPin), "CHANGE PIN");
    }

    /** Settles without a journal hook; see {@link #settle(SettleRequest, Consumer)}. */
    public SettleResult settle(SettleRequest request) {
        return settle(request, pending -> { });
    }

    /**
     * Debits the personal account and records the settlement atomically: INITIALIZE FOR PURCHASE,
     * PSAM MAC1, DEBIT (with the record), PSAM verifies MAC2. Needs a verified PIN in this session.
     *
     * @param beforeDebit called with the debit just before DEBIT is sent: journal it durably there
     * @return the debit and its proof
     * @throws CardException on refusal; {@link CardError#CARD_REMOVED} with a pending debit if the
     *     card left during DEBIT (then call {@link #recover})
     */
    public SettleResult settle(SettleRequest request, Consumer<PendingDebit> beforeDebit) {
        CardIdentity id = requireSelected();
        String terminalId = psam.terminalId();
        byte[] tid = Bytes.bcd(terminalId, 6);
        PurchaseInit init = PurchaseInit.parse(card.require(
                CardCommands.initPurchase(request.accountAmount(), tid), "INITIALIZE FOR PURCHASE"));
        if (init.algorithm() != id.algorithm()) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "INIT algorithm differs from SELECT");
        }
        SettlementRecord record = request.record();
        PsamClient.Mac1 mac1 = psam.mac1(init, request.accountAmount(), request.time(), id.appSerial(), record);
        PendingDebit pending = new PendingDebit(id.appSerial(), id.cardNumber(), id.algorithm(), init.offlineSeq(),
                request.accountAmount(), terminalId, mac1.terminalSeq(), request.time(), init.balance(),
                Optional.of(record));
        beforeDebit.accept(pending);
        byte[] answer;
        try {
            answer = Bytes.requireLength(card.require(
                    CardCommands.debit(mac1.terminalSeq(), request.time(), mac1.mac1(), record), "DEBIT"),
                    8, "DEBIT answer");
        } catch (CardException e) {
            throw refusedForSure(e) ? e : new DebitInFlightException(e, pending);
        }
        byte[] tac = Bytes.slice(answer, 0, 4);
        byte[] mac2 = Bytes.slice(answer, 4, 4);
        try {
            return new SettleResult(pending, new DebitProof(tac, mac2, psam.verifyMac2(mac2)));
        } catch (CardException e) {
            throw new DebitInFlightException(e, pending);
        }
    }

    /**
     * After a tear: SELECT the card again and ask it (GET TRANSACTION PROVE) whether the debit
     * happened. Two contactless commands (and one PSAM command if it did).
     *
     * @return {@link RecoveryResult.Outcome#DEBITED} with TAC and MAC2, or
     *     {@link RecoveryResult.Outcome#NOT_DEBITED} with the unchanged counter
     * @throws CardException {@link CardError#WRONG_CARD} for another card,
     *     {@link CardError#RECOVERY_UNPROVABLE} if the card can no longer tell
     */
    public RecoveryResult recover(PendingDebit pending) {
        SelectAnswer answer = reselect(pending.appSerial());
        int counter = answer.offlineCounter();
        byte[] proof = prove(CardCommands.TTI_PURCHASE, pending.offlineSeq(), counter);
        if (proof == null) {
            return new RecoveryResult(RecoveryResult.Outcome.NOT_DEBITED, pending, counter, Optional.empty());
        }
        byte[] mac2 = Bytes.slice(proof, 0, 4);
        boolean verified = psam.verifyMac2(mac2);
        return new RecoveryResult(RecoveryResult.Outcome.DEBITED, pending, counter,
                Optional.of(new DebitProof(Bytes.slice(proof, 4, 4), mac2, verified)));
    }

    /**
     * After a tear during CREDIT FOR LOAD: SELECT the card again and ask it whether the credit
     * happened (2 contactless commands).
     *
     * @return credited with the card's TAC, or not credited (the online counter did not move)
     * @throws CardException {@link CardError#WRONG_CARD}, {@link CardError#RECOVERY_UNPROVABLE}
     */
    public LoadRecovery recoverLoad(PendingLoad load) {
        SelectAnswer answer = reselect(load.appSerial());
        int counter = answer.onlineCounter();
        byte[] proof = prove(CardCommands.TTI_LOAD, load.init().onlineSeq(), counter);
        return proof == null ? new LoadRecovery(false, counter, new byte[0])
                : new LoadRecovery(true, counter, Bytes.slice(proof, 4, 4));
    }

    private SelectAnswer reselect(byte[] serial) {
        SelectAnswer answer = select();
        if (!Arrays.equals(answer.identity().appSerial(), serial)) {
            throw CardException.protocol(CardError.WRONG_CARD, "serial differs");
        }
        return answer;
    }

    /**
     * GET TRANSACTION PROVE, checked against the card's counter now.
     *
     * @return MAC ‖ TAC if the transaction that used {@code seq} happened, null if it did not
     */
    private byte[] prove(int tti, int seq, int counter) {
        ResponseApdu r = card.send(CardCommands.getProve(tti, seq), "GET TRANSACTION PROVE");
        if (r.sw() == StatusWord.PROOF_NOT_AVAILABLE) {
            if (counter != seq) {
                throw CardException.protocol(CardError.RECOVERY_UNPROVABLE,
                        "counter is " + counter + ", the transaction used " + seq);
            }
            return null;
        }
        byte[] data = Bytes.requireLength(StatusWord.require(r, "GET TRANSACTION PROVE").data(), 8, "proof");
        if (counter == seq) {
            throw CardException.protocol(CardError.MALFORMED_RESPONSE, "proof without a counter increment");
        }
        return data;
    }

    /**
     * INITIALIZE FOR LOAD (after {@link #select()} or a read): the answer goes to the host, which
     * returns MAC2 for {@link #credit}.
     */
    public PendingLoad initLoad(Money amount) {
        CardIdentity id = requireSelected();
        String terminalId = psam.terminalId();
        LoadInit init = LoadInit.parse(card.require(CardCommands.initLoad(amount, Bytes.bcd(terminalId, 6)),
                "INITIALIZE FOR LOAD"));
        return new PendingLoad(id.appSerial(), amount, terminalId, init);
    }

    /**
     * CREDIT FOR LOAD with the host's MAC2.
     *
     * @return the card's TAC (4 bytes)
     */
    public byte[] credit(PendingLoad load, LocalDateTime time, byte[] hostMac2) {
        if (hostMac2 == null || hostMac2.length != 4) {
            throw new IllegalArgumentException("MAC2 must be 4 bytes");
        }
        return Bytes.requireLength(card.require(CardCommands.credit(time, hostMac2), "CREDIT FOR LOAD"), 4, "TAC");
    }

    /**
     * Reads up to {@code max} records of the medical log, newest first (needs the PIN).
     */
    public List<MedicalLogRecord> readLog(int max) {
        List<MedicalLogRecord> out = new ArrayList<>();
        for (int n = 1; n <= Math.min(max, 30); n++) {
            ResponseApdu r = card.send(CardCommands.readLog(n), "READ RECORD");
            if (r.sw() == StatusWord.RECORD_NOT_FOUND) {
                break;
            }
            out.add(MedicalLogRecord.parse(StatusWord.require(r, "READ RECORD").data()));
        }
        return out;
    }

    /** @return the terminal id from the PSAM */
    public String terminalId() {
        return psam.terminalId();
    }

    /** @return contactless exchanges with the card so far (GET RESPONSE included) */
    public long cardExchanges() {
        return card.exchanges();
    }

    /** @return contact exchanges with the PSAM so far */
    public long psamExchanges() {
        return psam.exchanges();
    }

    /**
     * @return whether a DEBIT error means the card certainly did not debit: a status word that
     *     refuses. A memory failure, an internal error, an unknown status word or no answer at all
     *     leave the outcome open, so the error carries the pending debit for {@link #recover}.
     */
    private static boolean refusedForSure(CardException e) {
        return e.statusWord().isPresent() && e.error() != CardError.MEMORY_FAILURE
                && e.error() != CardError.CARD_INTERNAL_ERROR && e.error() != CardError.UNEXPECTED_STATUS;
    }

    private CardIdentity requireSelected() {
        if (selected == null) {
            throw new IllegalStateException("read or select the card first");
        }
        return selected.identity();
    }
}
