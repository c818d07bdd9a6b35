package cn.yibao.simulator.card;

import static cn.yibao.simulator.card.Replies.ok;
import static cn.yibao.simulator.card.Replies.sw;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.apdu.CommandApdu;
import cn.yibao.card.apdu.StatusWord;
import cn.yibao.card.app.Accumulators;
import cn.yibao.card.app.CardCommands;
import cn.yibao.card.app.Fields;
import cn.yibao.card.app.InsuranceInfo;
import cn.yibao.card.app.LoadInit;
import cn.yibao.card.app.MedicalLogRecord;
import cn.yibao.card.app.PurchaseInit;
import cn.yibao.card.app.PurseMacs;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.PurseCrypto;
import java.security.SecureRandom;
import java.time.LocalDateTime;

/**
 * The purse state machine of the virtual card (JR/T 0025.2 table 1): idle, purchase initialised,
 * load initialised. DEBIT and CREDIT compute MAC2/TAC first, then change balance, counter,
 * accumulators, log and proof in one atomic image write.
 */
final class PurseEngine {

    private enum State { IDLE, PURCHASE, LOAD }

    private final SecureRandom random = new SecureRandom();
    private final CardImage image;
    private final Runnable persist;
    private State state = State.IDLE;
    private Money amount;
    private byte[] terminalId;
    private byte[] cardRandom;
    private int seq;
    private int cryptoOps;
    private int writes;

    PurseEngine(CardImage image, Runnable persist) {
        this.image = image;
        this.persist = persist;
    }

    void idle() {
        state = State.IDLE;
    }

    ChipWork takeWork() {
        ChipWork w = new ChipWork(cryptoOps, writes);
        cryptoOps = 0;
        writes = 0;
        return w;
    }

    byte[] initialize(CommandApdu c) {
        byte[] d = c.data();
        if (d.length != 11) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        if ((d[0] & 0xFF) != CardCommands.KEY_INDEX) {
            return sw(StatusWord.KEY_INDEX_UNSUPPORTED);
        }
        amount = Fields.amount(d, 1);
        terminalId = Bytes.slice(d, 5, 6);
        cardRandom = new byte[4];
        random.nextBytes(cardRandom);
        Algorithm alg = image.keys.algorithm();
        if (c.p1() == 0x01) {
            if (amount.fen() > image.balanceFen) {
                return sw(StatusWord.INSUFFICIENT_BALANCE);
            }
            seq = image.offlineCounter;
            state = State.PURCHASE;
            return ok(new PurchaseInit(Money.ofFen(image.balanceFen), seq, Money.ZERO, image.identity.keyVersion(),
                    alg, cardRandom).encode());
        }
        if (image.balanceFen + amount.fen() > Fields.MAX_AMOUNT_FEN) {
            return sw(StatusWord.WRONG_DATA);
        }
        seq = image.onlineCounter;
        state = State.LOAD;
        cryptoOps += 2;
        byte[] mac1 = PurseCrypto.mac(alg, loadKey(),
                PurseMacs.loadMac1(Money.ofFen(image.balanceFen), amount, terminalId));
        return ok(new LoadInit(Money.ofFen(image.balanceFen), seq, image.identity.keyVersion(), alg, cardRandom,
                mac1).encode());
    }

    byte[] debit(CommandApdu c) {
        if (state != State.PURCHASE) {
            return sw(StatusWord.STATE_INVALID);
        }
        byte[] d = c.data();
        if (d.length != 15 && d.length != 15 + SettlementRecord.LENGTH) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        long terminalSeq = Bytes.be(d, 0, 4);
        LocalDateTime time;
        SettlementRecord record;
        try {
            time = Fields.dateTime(Bytes.slice(d, 4, 7));
            record = d.length == 15 ? null : SettlementRecord.parse(Bytes.slice(d, 15, SettlementRecord.LENGTH));
        } catch (RuntimeException e) {
            return sw(StatusWord.WRONG_DATA);
        }
        byte[] ext = d.length == 15 ? new byte[0] : Bytes.slice(d, 15, SettlementRecord.LENGTH);
        Algorithm alg = image.keys.algorithm();
        byte[] sessionKey = PurseCrypto.purchaseSessionKey(alg, image.keys.dpk(), cardRandom, seq, terminalSeq);
        cryptoOps += 2;
        if (!PurseCrypto.same(PurseCrypto.mac(alg, sessionKey, PurseMacs.purchaseMac1(amount, terminalId, time, ext)),
                Bytes.slice(d, 11, 4))) {
            return sw(StatusWord.MAC_INVALID);
        }
        cryptoOps += 2;
        byte[] mac2 = PurseCrypto.mac(alg, sessionKey, PurseMacs.purchaseMac2(amount));
        byte[] tac = PurseCrypto.mac(alg, PurseCrypto.tacKey(alg, image.keys.dtk()),
                PurseMacs.purchaseTac(amount, terminalId, terminalSeq, time, ext));
        applyDebit(time, record, mac2, tac);
        return ok(Bytes.concat(tac, mac2));
    }

    private void applyDebit(LocalDateTime time, SettlementRecord record, byte[] mac2, byte[] tac) {
        image.balanceFen -= amount.fen();
        image.offlineCounter = (image.offlineCounter + 1) & 0xFFFF;
        Money self = record == null ? Money.ZERO : record.selfPaid();
        Money fund = record == null ? Money.ZERO : record.fund();
        if (record != null) {
            Accumulators a = image.accumulators.asOf(record.year());
            image.accumulators = new Accumulators(Math.max(a.year(), record.year()), a.ytdBase().plus(record.deltaBase()),
                    a.ytdOver().plus(record.deltaOver()), a.ytdOutpatient().plus(record.deltaOutpatient()));
            record.newCardState().ifPresent(s -> {
                InsuranceInfo i = image.insurance;
                image.insurance = new InsuranceInfo(i.category(), i.residentGroup(), i.retired(), i.civilServant(),
                        i.status(), s, i.region(), i.hasAccount());
            });
        }
        image.addLog(new MedicalLogRecord(seq, MedicalLogRecord.SETTLEMENT, Bytes.unbcd(terminalId), time, amount,
                self, fund));
        image.addProof(CardCommands.TTI_PURCHASE, seq, Bytes.concat(mac2, tac));
        state = State.IDLE;
        writes += record == null ? 3 : 5;
        persist.run();
    }

    byte[] credit(CommandApdu c) {
        if (state != State.LOAD) {
            return sw(StatusWord.STATE_INVALID);
        }
        byte[] d = c.data();
        if (d.length != 11) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        LocalDateTime time;
        try {
            time = Fields.dateTime(Bytes.slice(d, 0, 7));
        } catch (RuntimeException e) {
            return sw(StatusWord.WRONG_DATA);
        }
        Algorithm alg = image.keys.algorithm();
        cryptoOps += 2;
        byte[] mac2 = Bytes.slice(d, 7, 4);
        if (!PurseCrypto.same(PurseCrypto.mac(alg, loadKey(), PurseMacs.loadMac2(amount, terminalId, time)), mac2)) {
            return sw(StatusWord.MAC_INVALID);
        }
        Money newBalance = Money.ofFen(image.balanceFen + amount.fen());
        cryptoOps += 1;
        byte[] tac = PurseCrypto.mac(alg, PurseCrypto.tacKey(alg, image.keys.dtk()),
                PurseMacs.loadTac(newBalance, seq, amount, terminalId, time));
        image.balanceFen = newBalance.fen();
        image.onlineCounter = (image.onlineCounter + 1) & 0xFFFF;
        image.addLog(new MedicalLogRecord(seq, MedicalLogRecord.LOAD, Bytes.unbcd(terminalId), time, amount,
                Money.ZERO, Money.ZERO));
        image.addProof(CardCommands.TTI_LOAD, seq, Bytes.concat(mac2, tac));
        state = State.IDLE;
        writes += 3;
        persist.run();
        return ok(tac);
    }

    byte[] prove(CommandApdu c) {
        byte[] d = c.data();
        if (d.length != 2) {
            return sw(StatusWord.WRONG_LENGTH);
        }
        byte[] proof = image.proof(c.p2(), (int) Bytes.be(d, 0, 2));
        return proof == null ? sw(StatusWord.PROOF_NOT_AVAILABLE) : ok(proof);
    }

    private byte[] loadKey() {
        return PurseCrypto.loadSessionKey(image.keys.algorithm(), image.keys.dlk(), cardRandom, seq);
    }
}
