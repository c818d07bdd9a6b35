package cn.yibao.hostlink.record;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.app.PurseMacs;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.crypto.PurseCrypto;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Signed settlements for host-link tests, in the real record shape with real card TACs (the card's
 * purse crypto under the test issuer keys). The split is a fixed 60 % fund, 30 % account, rest
 * cash, which {@link #RECOMPUTER} (the test stand-in of the host's engine) checks.
 */
public final class TestSettlements {

    /** The policy version the test recomputer knows. */
    public static final String POLICY = "TEST-1";
    /** The PSAM terminal id of the test cards' transactions. */
    public static final String PSAM = "000000000001";

    /** Checks sums only: fees = items, fund + account + cash = fees, account = the card's debit. */
    public static final SplitRecomputer RECOMPUTER = new SplitRecomputer() {
        @Override
        public boolean knowsPolicy(String policyVersion) {
            return POLICY.equals(policyVersion);
        }

        @Override
        public boolean reproduces(SignedRecord record, String items) {
            RecordResult r = RecordResult.parse(record.result());
            long sum = 0;
            for (var item : Json.parse(items)) {
                sum += Json.yuan(item, "amount").fen();
            }
            long total = r.setlinfo("medfee_sumamt").fen();
            return total == sum && r.setlinfo("fund_pay_sumamt").fen() + r.setlinfo("acct_pay").fen()
                    + r.setlinfo("psn_cash_pay").fen() == total
                    && r.setlinfo("acct_pay").fen() == record.proof().purseDebitFen();
        }
    };

    private TestSettlements() {
    }

    /**
     * Signs the next settlement of {@code signer} for {@code totalFen}, paid with the card whose
     * application serial is {@code serialHex} at its offline counter {@code counter}; with
     * {@code cash} true nothing is paid from the account and the card is not written.
     */
    public static UploadedRecord next(RecordSigner signer, String msgid, String serialHex, int counter, long totalFen,
                                      boolean cash, Instant time) {
        ArrayNode items = Json.object().arrayNode();
        items.addObject().put("code", "XA01").put("amount", Money.ofFen(totalFen / 3).toYuanString());
        items.addObject().put("code", "XB02").put("amount", Money.ofFen(totalFen - totalFen / 3).toYuanString());
        long fund = totalFen * 6 / 10;
        long acct = cash ? 0 : totalFen * 3 / 10;
        ObjectNode setlinfo = Json.object().put("medfee_sumamt", Money.ofFen(totalFen).toYuanString())
                .put("fund_pay_sumamt", Money.ofFen(fund).toYuanString())
                .put("acct_pay", Money.ofFen(acct).toYuanString())
                .put("psn_cash_pay", Money.ofFen(totalFen - fund - acct).toYuanString());
        ObjectNode settlement = Json.object().put("policy", POLICY);
        settlement.set("setlinfo", setlinfo);
        RecordResult result = new RecordResult(RecordKind.SETTLE, "S" + msgid, "S" + msgid, "P" + serialHex, "41",
                settlement);
        LocalDateTime cardTime = LocalDateTime.ofInstant(time, ZoneOffset.ofHours(8)).withNano(0);
        CardProof proof = cash ? CardProof.none(serialHex)
                : CardProof.written(serialHex, purchase(serialHex, counter, acct, 50_000, counter, cardTime));
        String itemsJson = CanonicalJson.text(items);
        return UploadedRecord.of(signer.next(time, msgid, POLICY, CanonicalJson.text(result.toJson()), itemsJson, proof),
                itemsJson);
    }

    /** A purchase as an SM4 test card computes it (no settlement record written). */
    public static CardWrite purchase(String serialHex, int counter, long amountFen, long balanceFen, long psamSeq,
                                     LocalDateTime time) {
        Algorithm alg = Algorithm.SM4;
        byte[] dtk = IssuerKeys.test(alg).forCard(java.util.HexFormat.of().parseHex(serialHex)).dtk();
        byte[] tac = PurseCrypto.mac(alg, PurseCrypto.tacKey(alg, dtk), PurseMacs.purchaseTac(Money.ofFen(amountFen),
                Bytes.bcd(PSAM, 6), psamSeq, time, new byte[0]));
        return new CardWrite(ProofKind.PURCHASE, alg, counter, amountFen, balanceFen, PSAM, psamSeq, time,
                new byte[0], tac);
    }
}
