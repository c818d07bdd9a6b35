package cn.yibao.card.session;

import cn.yibao.card.CardError;
import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.app.PurseMacs;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.crypto.PurseCrypto;
import java.time.LocalDateTime;

/**
 * The issuer host's side of the purse: checks a purchase TAC, checks a load's MAC1 and computes its
 * MAC2, checks a load TAC. Used by the host simulator and by tests; a real host does this in an HSM.
 */
public final class IssuerHost {

    private final IssuerKeys keys;

    public IssuerHost(IssuerKeys keys) {
        if (keys == null) {
            throw new IllegalArgumentException("keys required");
        }
        this.keys = keys;
    }

    /** @return whether {@code tac} is the card's TAC for this debit */
    public boolean verifyPurchaseTac(PendingDebit debit, byte[] tac) {
        byte[] record = debit.record().map(r -> r.encode()).orElse(new byte[0]);
        byte[] expected = PurseCrypto.mac(keys.algorithm(), PurseCrypto.tacKey(keys.algorithm(),
                        keys.dtkForCard(debit.appSerial())),
                PurseMacs.purchaseTac(debit.amount(), Bytes.bcd(debit.terminalId(), 6), debit.terminalSeq(),
                        debit.time(), record));
        return PurseCrypto.same(expected, tac);
    }

    /**
     * Checks the card's load MAC1 and computes the MAC2 that authorises the credit.
     *
     * @throws CardException {@link CardError#MAC_INVALID} if MAC1 is wrong
     */
    public byte[] loadMac2(PendingLoad load, LocalDateTime time) {
        byte[] sessionKey = loadSessionKey(load);
        byte[] tid = Bytes.bcd(load.terminalId(), 6);
        byte[] mac1 = PurseCrypto.mac(keys.algorithm(), sessionKey,
                PurseMacs.loadMac1(load.init().balance(), load.amount(), tid));
        if (!PurseCrypto.same(mac1, load.init().mac1())) {
            throw CardException.protocol(CardError.MAC_INVALID, "load MAC1 does not verify");
        }
        return PurseCrypto.mac(keys.algorithm(), sessionKey, PurseMacs.loadMac2(load.amount(), tid, time));
    }

    /** @return whether {@code tac} is the card's TAC for this load */
    public boolean verifyLoadTac(PendingLoad load, LocalDateTime time, byte[] tac) {
        Money newBalance = load.init().balance().plus(load.amount());
        byte[] expected = PurseCrypto.mac(keys.algorithm(), PurseCrypto.tacKey(keys.algorithm(),
                        keys.dtkForCard(load.appSerial())),
                PurseMacs.loadTac(newBalance, load.init().onlineSeq(), load.amount(),
                        Bytes.bcd(load.terminalId(), 6), time));
        return PurseCrypto.same(expected, tac);
    }

    private byte[] loadSessionKey(PendingLoad load) {
        return PurseCrypto.loadSessionKey(keys.algorithm(), keys.dlkForCard(load.appSerial()), load.init().random(),
                load.init().onlineSeq());
    }
}
