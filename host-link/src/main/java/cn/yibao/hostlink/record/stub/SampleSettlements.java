package cn.yibao.hostlink.record.stub;

import cn.yibao.card.Money;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.UploadedRecord;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Builds plausible signed settlements for tests and the load generator, consistent with
 * {@link TotalsSplitRecomputer} and {@link KeyedTacVerifier}: two fee items, 60 % pooled fund,
 * 30 % personal account (debited from the card), the rest in cash.
 */
public final class SampleSettlements {

    private SampleSettlements() {
    }

    /** Signs the next settlement of {@code signer}'s chain for {@code totalFen} paid with card {@code cardNo}. */
    public static UploadedRecord next(RecordSigner signer, String terminalId, byte[] issuerKey, String msgid,
                                      String cardNo, int counter, long totalFen, Instant time) {
        long first = totalFen / 3;
        ArrayNode items = Json.object().arrayNode();
        items.addObject().put("med_list_codg", "XA01").put("amount_fen", first);
        items.addObject().put("med_list_codg", "XB02").put("amount_fen", totalFen - first);
        long fund = totalFen * 6 / 10;
        long acct = totalFen * 3 / 10;
        long cash = totalFen - fund - acct;
        ObjectNode result = Json.object();
        result.put("setl_id", "S" + msgid);
        result.put("psn_no", "P" + cardNo);
        result.put("medfee_sumamt", Money.ofFen(totalFen).toYuanString());
        result.put("fund_pay_sumamt", Money.ofFen(fund).toYuanString());
        result.put("acct_pay", Money.ofFen(acct).toYuanString());
        result.put("psn_cash_pay", Money.ofFen(cash).toYuanString());
        Instant t = Instant.ofEpochMilli(time.toEpochMilli());
        byte[] tac = KeyedTacVerifier.compute(issuerKey, cardNo, counter, acct, terminalId, t.toEpochMilli());
        String itemsJson = Json.canonical(items);
        return UploadedRecord.of(signer.next(t, msgid, "CC2010.1", Json.canonical(result), itemsJson,
                new CardProof(cardNo, counter, acct, tac)), itemsJson);
    }
}
