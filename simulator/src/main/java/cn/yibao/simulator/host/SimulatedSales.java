package cn.yibao.simulator.host;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.app.PurseMacs;
import cn.yibao.card.app.SettlementRecord;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.crypto.PurseCrypto;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.record.CardProof;
import cn.yibao.hostlink.record.CardWrite;
import cn.yibao.hostlink.record.ProofKind;
import cn.yibao.hostlink.record.RecordKind;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.terminal.json.FileJson;
import cn.yibao.terminal.policy.PolicyPack;
import cn.yibao.terminal.policy.PolicyPacks;
import cn.yibao.terminal.settlement.RequestJson;
import cn.yibao.terminal.settlement.ResultJson;
import cn.yibao.terminal.settlement.SetlAmounts;
import cn.yibao.terminal.settlement.SettlementEngine;
import cn.yibao.terminal.settlement.SettlementRequest;
import cn.yibao.terminal.settlement.SettlementResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import cn.yibao.hostlink.msg.BusinessZone;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Real signed settlements for tests, the load generator and the benchmarks: the request goes
 * through the terminal's settlement engine with the bundled policy pack, the record carries the
 * engine's result in the record shape, and a sale the account pays for carries the TAC the card
 * computes (the card's purse crypto under the simulated issuer's test keys), as the live counter
 * would sign it.
 */
public final class SimulatedSales {

    /** The pack sales are computed with. */
    public static final PolicyPack PACK = PolicyPacks.changchun2010();
    /** How records name it. */
    public static final String POLICY = PACK.policyVersion();
    private static final ZoneId ZONE = BusinessZone.ZONE;

    private SimulatedSales() {
    }

    /** A virtual card of the simulated issuer: its application serial, purse counter and balance. */
    public static final class Card {
        private final byte[] serial;
        private final Algorithm algorithm;
        private int counter;
        private long balanceFen;

        /** A card with application serial {@code serial} (8 bytes) and {@code balanceFen} in its purse. */
        public Card(byte[] serial, Algorithm algorithm, long balanceFen) {
            this.serial = Bytes.requireLength(serial.clone(), 8, "application serial");
            this.algorithm = algorithm;
            this.balanceFen = balanceFen;
        }

        /** @return the application serial in hex (the record's card number) */
        public String serialHex() {
            return HexFormat.of().withUpperCase().formatHex(serial);
        }

        /** The purchase TAC this card computes (what the card's DEBIT does with its TAC key). */
        byte[] purchaseTac(long amountFen, String psamTerminalId, long psamSeq, LocalDateTime time, byte[] record) {
            byte[] dtk = IssuerKeys.test(algorithm).forCard(serial).dtk();
            return PurseCrypto.mac(algorithm, PurseCrypto.tacKey(algorithm, dtk), PurseMacs.purchaseTac(
                    Money.ofFen(amountFen), Bytes.bcd(psamTerminalId, 6), psamSeq, time, record));
        }
    }

    /**
     * Signs the next record of {@code signer}: a pharmacy sale of {@code totalFen} by an employee
     * paying from the card's account (or, with {@code cash}, a resident outpatient visit paid in
     * cash: the card is not written).
     */
    public static UploadedRecord sale(RecordSigner signer, String msgid, Card card, String psamTerminalId,
                                      long psamSeq, long totalFen, boolean cash, Instant time) {
        SettlementRequest request = RequestJson.read(request(card, totalFen, cash));
        SettlementResult result = SettlementEngine.settle(request, PACK);
        SetlAmounts s = result.setlinfo();
        RecordResult shaped = new RecordResult(RecordKind.SETTLE, "S" + msgid, "S" + msgid, "P" + card.serialHex(),
                cash ? "11" : "41", RecordResult.signedPart(ResultJson.toJson(result)));
        CardProof proof = CardProof.none(card.serialHex());
        long acct = s.acctPay().fen();
        if (acct > 0) {
            LocalDateTime cardTime = LocalDateTime.ofInstant(time, ZONE).withNano(0);
            byte[] onCard = new SettlementRecord(s.psnCashPay(), s.fundPaySumamt(), cardTime.getYear(), Money.ZERO,
                    Money.ZERO, Money.ZERO, Optional.empty()).encode();
            proof = CardProof.written(card.serialHex(), new CardWrite(ProofKind.PURCHASE, card.algorithm,
                    card.counter, acct, card.balanceFen, psamTerminalId, psamSeq, cardTime, onCard,
                    card.purchaseTac(acct, psamTerminalId, psamSeq, cardTime, onCard)));
            card.counter++;
            card.balanceFen -= acct;
        }
        String items = new String(RequestJson.canonical(request), StandardCharsets.UTF_8);
        String signedResult = new String(CanonicalJson.bytes(shaped.toJson()), StandardCharsets.UTF_8);
        return UploadedRecord.of(signer.next(time, msgid, POLICY, signedResult, items, proof), items);
    }

    private static ObjectNode request(Card card, long totalFen, boolean cash) {
        ObjectNode r = FileJson.mapper().createObjectNode();
        ObjectNode person = r.putObject("person").put("category", cash ? "RESIDENT" : "EMPLOYEE")
                .put("retired", false).put("civil_servant", false).put("insurance_status", "NORMAL")
                .put("account_balance", Money.ofFen(cash ? 0 : card.balanceFen).toYuanString());
        if (cash) {
            person.put("resident_group", "ADULT");
        } else {
            person.putNull("resident_group");
        }
        r.putObject("visit").put("type", cash ? "OUTPATIENT" : "PHARMACY").put("level", cash ? "DISTRICT" : "PHARMACY")
                .put("out_of_region", false);
        r.putObject("year_to_date").put("base", "0.00").put("over_limit", "0.00").put("outpatient", "0.00");
        r.put("use_account", !cash);
        long first = totalFen / 3;
        r.putArray("items").add(item("XA01", "A", first)).add(item("XB02", "B", totalFen - first));
        return r;
    }

    private static ObjectNode item(String code, String itemClass, long fen) {
        return FileJson.mapper().createObjectNode().put("code", code).put("name", "药品" + code)
                .put("class", itemClass).put("amount", Money.ofFen(fen).toYuanString());
    }
}
