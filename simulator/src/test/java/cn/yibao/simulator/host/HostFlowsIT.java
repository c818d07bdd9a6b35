package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.apdu.Bytes;
import cn.yibao.card.app.LoadInit;
import cn.yibao.card.app.PurseMacs;
import cn.yibao.card.crypto.Algorithm;
import cn.yibao.card.crypto.IssuerKeys;
import cn.yibao.card.crypto.PurseCrypto;
import cn.yibao.card.session.PendingLoad;
import cn.yibao.hostlink.msg.CanonicalJson;
import cn.yibao.hostlink.msg.RefundLoad;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.record.RecordResult;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.HostSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The host simulator's transactions over real mutual TLS on loopback. */
class HostFlowsIT extends LoopbackHost {

    private static final String LOAD_TID = "220100000009";


    private static String today() {
        return LocalDate.now(Request.ZONE).toString();
    }

    private static ObjectNode totals(long medfee, long fund, long acct, long count) {
        return Json.object().put("stmt_begndate", today()).put("stmt_enddate", today())
                .put("medfee_sumamt", Money.ofFen(medfee).toYuanString())
                .put("fund_pay_sumamt", Money.ofFen(fund).toYuanString())
                .put("acct_pay", Money.ofFen(acct).toYuanString()).put("fixmedins_setl_cnt", count);
    }

    /** 3201 input with the totals of {@code records}, the fee total off by {@code medfeeOffFen}. */
    private static ObjectNode totals(List<UploadedRecord> records, long medfeeOffFen) {
        long medfee = medfeeOffFen;
        long fund = 0;
        long acct = 0;
        for (UploadedRecord r : records) {
            medfee += fen(r, "medfee_sumamt");
            fund += fen(r, "fund_pay_sumamt");
            acct += fen(r, "acct_pay");
        }
        return totals(medfee, fund, acct, records.size());
    }

    private static long fen(UploadedRecord r, String field) {
        return RecordResult.parse(r.record().result()).setlinfo(field).fen();
    }

    @Test
    void signInAnnouncesSignNoAndVersions() throws Exception {
        host.service().reportCard("C9990001", "LOST", Instant.now());
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-SIGN");
        try (HostSession s = t.session(host.port())) {
            ObjectNode out = s.signInOutput();
            assertFalse(out.path("sign_no").asText().isEmpty());
            assertEquals(HostSimulator.DEFAULT_PACK, out.path("policy_version").asText());
            assertTrue(out.path("card_list_version").asLong() >= 1);
            assertTrue(s.call(Infno.HEARTBEAT, Json.object().put("journal_head", 0)).ok());
        }
    }

    @Test
    void requestWithoutSignNoIsRefused() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-NOSIGN");
        try (HostSession s = t.session(host.port())) {
            Request stale = new Request("9003", "X1", "V1.0", "1", "OP1", "2026-11-23 10:00:00", "H1", "wrong",
                    Json.object());
            assertEquals("NOT_SIGNED_IN", s.call(stale).code());
        }
    }

    @Test
    void policyPackDownloadReturnsTheOpaqueBytesAndThenUpToDate() throws Exception {
        byte[] pack = "signed pack v2".getBytes(StandardCharsets.UTF_8);
        host.service().publishPack("CC2026.2", pack);
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-PACK");
        try (HostSession s = t.session(host.port())) {
            Response r = s.call(Infno.POLICY_PACK, Json.object().put("have_version", HostSimulator.DEFAULT_PACK));
            assertEquals("CC2026.2", r.output().path("version").asText());
            assertArrayEquals(pack, Base64.getDecoder().decode(r.output().path("pack").asText()));
            Response again = s.call(Infno.POLICY_PACK, Json.object().put("have_version", "CC2026.2"));
            assertTrue(again.output().path("up_to_date").asBoolean());
            assertFalse(again.output().has("pack"));
        }
    }

    @Test
    void cardListDownloadIsIncremental() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-LIST");
        try (HostSession s = t.session(host.port())) {
            long v0 = s.call(Infno.CARD_LIST, Json.object().put("since_version", 0)).output().path("version").asLong();
            host.service().reportCard("C7770001", "LOST", Instant.parse("2026-11-23T01:02:03Z"));
            host.service().reportCard("C7770002", "BLACKLISTED", Instant.now());
            Response r = s.call(Infno.CARD_LIST, Json.object().put("since_version", v0));
            JsonNode entries = r.output().path("entries");
            assertEquals(2, entries.size());
            assertEquals("C7770001", entries.get(0).path("card_no").asText());
            assertEquals("LOST", entries.get(0).path("status").asText());
            assertEquals("2026-11-23 09:02:03", entries.get(0).path("reported_at").asText());
            assertEquals("BLACKLISTED", entries.get(1).path("status").asText());
            assertEquals(v0 + 2, r.output().path("version").asLong());
        }
    }

    @Test
    void personQueryShowsAccountAndCardStatus() throws Exception {
        host.service().addPerson("C5550001", "P5550001", "张三", 123_45);
        host.service().reportCard("C5550001", "LOST", Instant.now());
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-PSN");
        try (HostSession s = t.session(host.port())) {
            Response r = s.call(Infno.PERSON_QUERY, Json.object().put("mdtrt_cert_type", "03")
                    .put("mdtrt_cert_no", "C5550001"));
            assertEquals("张三", r.output().path("baseinfo").path("psn_name").asText());
            assertEquals("123.45", r.output().path("insuinfo").get(0).path("balc").asText());
            assertEquals("LOST", r.output().path("card_status").asText());
            assertEquals("PERSON_NOT_FOUND", s.call(Infno.PERSON_QUERY, Json.object()
                    .put("mdtrt_cert_no", "C0")).code());
        }
    }

    @Test
    void uploadIsAcknowledgedUpToTheHighestContiguousSequenceAndIdempotent() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-UP");
        List<UploadedRecord> recs = List.of(t.sign(1000), t.sign(2000), t.sign(3000));
        try (HostSession s = t.session(host.port())) {
            Response r = VirtualTerminal.upload(s, recs);
            assertEquals(3, r.output().path("ack_seq").asLong());
            assertEquals(3, r.output().path("accepted").asInt());
            Response again = VirtualTerminal.upload(s, recs);
            assertTrue(again.ok());
            assertEquals(3, again.output().path("duplicates").asInt());
            assertEquals(3, again.output().path("ack_seq").asLong());
        }
        String card = recs.get(0).record().proof().cardNo();
        assertEquals(200_000 - fen(recs.get(0), "acct_pay"), host.service().account(card)[0]);
    }

    @Test
    void cancellationBySetlIdUndoesTheLedgerOnceAndRepliesIdempotently() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-CANCEL");
        UploadedRecord rec = t.sign(5000);
        String card = rec.record().proof().cardNo();
        String setlId = RecordResult.parse(rec.record().result()).setlId();
        try (HostSession s = t.session(host.port())) {
            assertTrue(VirtualTerminal.upload(s, List.of(rec)).ok());
            assertTrue(fen(rec, "acct_pay") > 0);
            assertEquals(200_000 - fen(rec, "acct_pay"), host.service().account(card)[0]);
            Request cancel = s.request(Infno.CANCEL, Json.object().put("setl_id", setlId));
            Response first = s.call(cancel);
            assertEquals(setlId, first.output().path("setl_id").asText());
            // the stored result's amounts come back as the terminal signed them (two decimals), not via a double
            java.util.regex.Matcher acct = java.util.regex.Pattern.compile("\"acct_pay\":(\\d+\\.\\d\\d)[,}]")
                    .matcher(rec.record().result());
            assertTrue(acct.find(), rec.record().result());
            assertTrue(CanonicalJson.text(first.output()).contains("\"acct_pay\":" + acct.group(1)),
                    () -> CanonicalJson.text(first.output()));
            Response retry = s.call(cancel);
            assertEquals(first, retry);
            assertEquals(200_000, host.service().account(card)[0]);
            assertEquals("ALREADY_CANCELLED", s.call(Infno.CANCEL, Json.object().put("setl_id", setlId)).code());
            assertEquals("SETTLEMENT_NOT_FOUND", s.call(Infno.CANCEL, Json.object().put("setl_id", "S-none")).code());
        }
    }

    @Test
    void aCancellationAuthorisesTheRefundLoadOnceAndAgainOnlyAtTheSameOnlineCounter() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-LOAD");
        UploadedRecord rec = t.sign(5000);
        String card = rec.record().proof().cardNo();
        String setlId = RecordResult.parse(rec.record().result()).setlId();
        Algorithm alg = rec.record().proof().write().orElseThrow().algorithm();
        Money acct = Money.ofFen(fen(rec, "acct_pay"));
        try (HostSession s = t.session(host.port())) {
            assertTrue(VirtualTerminal.upload(s, List.of(rec)).ok());
            long before = host.service().account(card)[0];
            assertEquals("LOAD_REFUSED", s.call(Infno.CANCEL, cancelWithLoad(setlId,
                    load(card, alg, acct.plus(Money.ofFen(1)), 7, 1))).code(), "not the account share");
            assertEquals("LOAD_REFUSED", s.call(Infno.CANCEL, cancelWithLoad(setlId,
                    load("0102030405060708", alg, acct, 7, 1))).code(), "not the card that paid");

            RefundLoad first = load(card, alg, acct, 7, 1);
            Response ok = s.call(Infno.CANCEL, cancelWithLoad(setlId, first));
            assertTrue(ok.ok(), ok::toString);
            assertArrayEquals(expectedMac2(first), HexFormat.of().parseHex(ok.output().path(RefundLoad.MAC2_FIELD).asText()));
            assertEquals(before + acct.fen(), host.service().account(card)[0], "the ledger counts the cancellation");

            // the credit did not happen: the counter asks again (new msgid) at the same online counter
            RefundLoad again = load(card, alg, acct, 7, 2);
            Response re = s.call(Infno.CANCEL, cancelWithLoad(setlId, again));
            assertTrue(re.ok(), re::toString);
            assertArrayEquals(expectedMac2(again), HexFormat.of().parseHex(re.output().path(RefundLoad.MAC2_FIELD).asText()));
            assertEquals(before + acct.fen(), host.service().account(card)[0], "and counts it once");
            // the card's online counter moved on: the refund happened
            assertEquals("ALREADY_CANCELLED", s.call(Infno.CANCEL, cancelWithLoad(setlId, load(card, alg, acct, 8, 3))).code());
            assertEquals("ALREADY_CANCELLED", s.call(Infno.CANCEL, Json.object().put("setl_id", setlId)).code());
        }
    }

    private static ObjectNode cancelWithLoad(String setlId, RefundLoad load) {
        ObjectNode in = Json.object().put("setl_id", setlId);
        in.set("load", load.toJson());
        return in;
    }

    /** A load as the card of {@code serialHex} initialises it: MAC1 under the simulated issuer's keys. */
    private static RefundLoad load(String serialHex, Algorithm alg, Money amount, int onlineSeq, int randomByte) {
        byte[] serial = HexFormat.of().parseHex(serialHex);
        byte[] random = {(byte) randomByte, 2, 3, 4};
        Money balance = Money.ofFen(10_000);
        byte[] key = PurseCrypto.loadSessionKey(alg, IssuerKeys.test(alg).forCard(serial).dlk(), random, onlineSeq);
        byte[] mac1 = PurseCrypto.mac(alg, key, PurseMacs.loadMac1(balance, amount, Bytes.bcd(LOAD_TID, 6)));
        return new RefundLoad(new PendingLoad(serial, amount, LOAD_TID, new LoadInit(balance, onlineSeq, 1, alg, random,
                mac1)), LocalDateTime.of(2026, 11, 23, 12, 7, 0));
    }

    private static byte[] expectedMac2(RefundLoad l) {
        Algorithm alg = l.load().init().algorithm();
        byte[] key = PurseCrypto.loadSessionKey(alg, IssuerKeys.test(alg).forCard(l.load().appSerial()).dlk(),
                l.load().init().random(), l.load().init().onlineSeq());
        return PurseCrypto.mac(alg, key, PurseMacs.loadMac2(l.load().amount(), Bytes.bcd(LOAD_TID, 6), l.time()));
    }

    @Test
    void reversalByMsgidUndoesASettlementAndACancellation() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-REV");
        UploadedRecord a = t.sign(4000);
        UploadedRecord b = t.sign(6000);
        String setlB = RecordResult.parse(b.record().result()).setlId();
        try (HostSession s = t.session(host.port())) {
            assertTrue(VirtualTerminal.upload(s, List.of(a, b)).ok());
            Response rev = s.call(Infno.REVERSAL, Json.object().put("omsgid", a.record().msgid()).put("oinfno", "2207"));
            assertTrue(rev.ok());
            assertEquals(200_000, host.service().account(a.record().proof().cardNo())[0]);
            Request cancel = s.request(Infno.CANCEL, Json.object().put("setl_id", setlB));
            assertTrue(s.call(cancel).ok());
            Response undo = s.call(Infno.REVERSAL, Json.object().put("omsgid", cancel.msgid()).put("oinfno", "2208"));
            assertTrue(undo.ok());
            assertEquals(200_000 - fen(b, "acct_pay"), host.service().account(b.record().proof().cardNo())[0]);
            assertEquals("NOT_REVERSIBLE", s.call(Infno.REVERSAL, Json.object().put("omsgid", "X").put("oinfno", "1101"))
                    .code());
            assertEquals("MESSAGE_NOT_FOUND", s.call(Infno.REVERSAL, Json.object().put("omsgid", "NOPE")
                    .put("oinfno", "2207")).code());
        }
    }

    @Test
    void reconciliationBalancedThenUnbalancedNamingTheRecords() throws Exception {
        VirtualTerminal t = new VirtualTerminal(host, dir, "T-RECON");
        UploadedRecord a = t.sign(1000);
        UploadedRecord b = t.sign(2000);
        UploadedRecord c = t.sign(3000);
        try (HostSession s = t.session(host.port())) {
            assertTrue(VirtualTerminal.upload(s, List.of(a, b)).ok());
            Response balanced = s.call(Infno.RECON_TOTALS, totals(List.of(a, b), 0));
            assertEquals("0", balanced.output().path("stmt_rslt").asText());
            // the terminal believes it also settled c, which the host has not received
            Response more = s.call(Infno.RECON_TOTALS, totals(List.of(a, b, c), 0));
            assertEquals("2", more.output().path("stmt_rslt").asText());
            Response inconsistent = s.call(Infno.RECON_TOTALS, totals(List.of(a, b), 1));
            assertEquals("3", inconsistent.output().path("stmt_rslt").asText());
            ObjectNode in = totals(List.of(a, b, c), 0);
            ArrayNode details = in.putArray("details");
            for (UploadedRecord r : List.of(a, c)) {
                details.addObject().put("msgid", r.record().msgid())
                        .put("medfee_sumamt", Money.ofFen(fen(r, "medfee_sumamt")).toYuanString())
                        .put("fund_pay_sumamt", Money.ofFen(fen(r, "fund_pay_sumamt")).toYuanString())
                        .put("acct_pay", Money.ofFen(fen(r, "acct_pay")).toYuanString());
            }
            Response detail = s.call(Infno.RECON_DETAIL, in);
            JsonNode rows = detail.output().path("rows");
            assertEquals(2, rows.size());
            assertEquals(c.record().msgid(), rows.get(0).path("msgid").asText());
            assertEquals("2", rows.get(0).path("stmt_rslt").asText());
            assertEquals(b.record().msgid(), rows.get(1).path("msgid").asText());
            assertEquals("1", rows.get(1).path("stmt_rslt").asText());
        }
    }
}
