package cn.yibao.hostlink.record;

import cn.yibao.card.CardException;
import cn.yibao.card.Money;
import cn.yibao.card.app.LoadInit;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.session.IssuerHost;
import cn.yibao.card.session.PendingDebit;
import cn.yibao.card.session.PendingLoad;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The issuer's TAC check of a record's card proof, by {@link IssuerHost} with the issuer's master
 * keys for the proof's algorithm: a purchase (TTI 06) by {@link IssuerHost#verifyPurchaseTac}, a
 * load (TTI 02) by {@link IssuerHost#verifyLoadTac}. A proof without a card write never verifies.
 */
public final class IssuerTacVerifier implements TacVerifier {

    private final Map<Algorithm, IssuerHost> issuers = new EnumMap<>(Algorithm.class);

    /** @param keys the issuer's master keys, one set per algorithm the cards use */
    public IssuerTacVerifier(IssuerKeys... keys) {
        for (IssuerKeys k : keys) {
            issuers.put(k.algorithm(), new IssuerHost(k));
        }
    }

    /** @return the verifier of the simulated issuer: {@link IssuerKeys#test} for every algorithm */
    public static IssuerTacVerifier testIssuer() {
        return new IssuerTacVerifier(IssuerKeys.test(Algorithm.TDES), IssuerKeys.test(Algorithm.SM4));
    }

    @Override
    public boolean verify(SignedRecord record) {
        Optional<CardWrite> write = record.proof().write();
        if (write.isEmpty() || !issuers.containsKey(write.get().algorithm())) {
            return false;
        }
        CardWrite w = write.get();
        IssuerHost issuer = issuers.get(w.algorithm());
        byte[] serial = HexFormat.of().parseHex(record.proof().cardNo());
        try {
            return switch (w.kind()) {
                case PURCHASE -> issuer.verifyPurchaseTac(new PendingDebit(serial, "", w.algorithm(), w.counter(),
                        Money.ofFen(w.amountFen()), w.psamTerminalId(), w.psamSeq(), w.time(),
                        Money.ofFen(w.balanceBeforeFen()), settlementRecord(w.cardRecord())), w.tac());
                case LOAD -> issuer.verifyLoadTac(new PendingLoad(serial, Money.ofFen(w.amountFen()),
                        w.psamTerminalId(), new LoadInit(Money.ofFen(w.balanceBeforeFen()), w.counter(), 0,
                                w.algorithm(), new byte[4], new byte[4])), w.time(), w.tac());
                case NONE -> false;
            };
        } catch (CardException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Optional<SettlementRecord> settlementRecord(byte[] encoded) {
        return encoded.length == 0 ? Optional.empty() : Optional.of(SettlementRecord.parse(encoded));
    }
}
