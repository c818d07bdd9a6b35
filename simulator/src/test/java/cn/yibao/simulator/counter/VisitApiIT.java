package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.card.app.CardState;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.simulator.host.HostSimulator;
import cn.yibao.simulator.host.VirtualTerminal;
import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.simulator.vpcd.PrivatePcscd;
import cn.yibao.terminal.counter.host.HostCalls;
import cn.yibao.terminal.counter.host.HostConfig;
import cn.yibao.terminal.counter.host.HostSwitch;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.counter.live.JournalUpload;
import cn.yibao.terminal.counter.live.PcscCardAccess;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HIS drives the live counter over the HTTP API with the card in pcscd + vpcd: an outpatient
 * visit (2201 → 2204 → 2206 → 2207), an inpatient stay (2401 → 2301 → 2303 → 2402 → 2304), and a
 * same-day cancellation (2208) whose refund the real host simulator authorises over mutual TLS
 * after the signed records were uploaded and acknowledged.
 */
@ExtendWith(PcscdExtension.class)
class VisitApiIT {

    private static final String TOKEN = "visit-api-token-0123456789abcdefghijklmnopq";

    @TempDir
    Path dir;

    @Test
    void visitStayAndCancellationOverTheApiWithTheRealHost() throws Exception {
        PrivatePcscd pcscd = PcscdExtension.pcscd();
        PcscCardAccess cards = PcscCounter.cardAccess(pcscd);
        try (PcscCounter rig = new PcscCounter(pcscd, "employee", dir.resolve("sim"));
             HostSimulator host = HostSimulator.open(dir.resolve("host")).listen("127.0.0.1", 0)) {
            String terminalId = rig.psam().terminalId();
            Path data = dir.resolve("terminal");
            HostSwitch hostSwitch = new HostSwitch();
            try (CounterRuntime runtime = CounterRuntime.open(data, cards, terminalId, Clock.systemDefaultZone(),
                    RuntimeOptions.defaults().host(hostSwitch));
                 HostSession session = session(host, data, terminalId);
                 ApiServer server = ApiServer.start(ApiServer.Settings.of(0, AccessToken.of(TOKEN), runtime.counter()))) {
                hostSwitch.use(calls(session));
                HisClient api = new HisClient(server.baseUri(), TOKEN);
                Money before = rig.card().snapshot().balance();
                String psnNo = api.ok("1101", "{}").path("baseinfo").path("psn_no").asText();

                // outpatient visit
                String mdtrtId = api.ok("2201", "{\"data\":{\"psn_no\":\"" + psnNo + "\",\"ipt_otp_no\":\"OP-1\"}}")
                        .path("data").path("mdtrt_id").asText();
                api.ok("2204", fees(mdtrtId, psnNo, "F1", "ZA04BAA0123010104145", "2"));
                String settle = "{\"data\":{\"psn_no\":\"" + psnNo + "\",\"mdtrt_id\":\"" + mdtrtId + "\"}";
                JsonNode pre = api.ok("2206", settle + "}").path("setlinfo");
                assertEquals(Money.parseYuan("50.00"), yuan(pre, "medfee_sumamt"));
                JsonNode paid = api.ok("2207", settle + ",\"card_pin\":\"123456\"}").path("setlinfo");
                Money acct = yuan(paid, "acct_pay");
                assertEquals(yuan(pre, "acct_pay"), acct);
                assertEquals(before.minus(acct), rig.card().snapshot().balance());

                // inpatient stay
                String stay = api.ok("2401", "{\"mdtrtinfo\":{\"psn_no\":\"" + psnNo + "\",\"ipt_otp_no\":\"IP-1\"},"
                        + "\"card_pin\":\"123456\"}").path("result").path("mdtrt_id").asText();
                assertEquals(CardState.IN_HOSPITAL, rig.card().snapshot().insurance().cardState());
                api.ok("2301", fees(stay, psnNo, "D1", "ZA04BAA0123010104145", "40"));
                String stayData = "{\"data\":{\"psn_no\":\"" + psnNo + "\",\"mdtrt_id\":\"" + stay + "\"}";
                assertEquals(Money.parseYuan("1000.00"), yuan(api.ok("2303", stayData + "}").path("setlinfo"), "medfee_sumamt"));
                assertEquals("DISCHARGED", api.ok("2402", "{\"dscginfo\":{\"psn_no\":\"" + psnNo + "\",\"mdtrt_id\":\""
                        + stay + "\"}}").path("result").path("state").asText());
                JsonNode out = api.ok("2304", stayData + ",\"card_pin\":\"123456\"}").path("setlinfo");
                assertEquals(CardState.NORMAL, rig.card().snapshot().insurance().cardState());
                Money afterStay = before.minus(acct).minus(yuan(out, "acct_pay"));
                assertEquals(afterStay, rig.card().snapshot().balance());

                // same-day cancellation of the outpatient settlement: refused until the host acknowledged it
                String cancel = "{\"data\":{\"psn_no\":\"" + psnNo + "\",\"setl_id\":\"" + paid.path("setl_id").asText()
                        + "\"}}";
                assertEquals("NOT_UPLOADED_YET", api.refused("2208", cancel));
                upload(session, runtime);
                JsonNode undo = api.ok("2208", cancel).path("setlinfo");
                assertEquals(Money.ZERO.minus(acct), yuan(undo, "acct_pay"));
                assertEquals(afterStay.plus(acct), rig.card().snapshot().balance(), "the account share is back");
                assertEquals("ALREADY_CANCELLED", api.refused("2208", cancel));
                assertEquals(1, runtime.counter().todayTotals().setlCnt(), "today's totals are net of the cancellation");
                assertEquals(1, runtime.counter().todayTotals().cancelCnt());

                // the cancellation's own record (card proof: the load) is accepted by the host too
                upload(session, runtime);
                assertEquals(runtime.journal().records().head().nextSeq() - 1, runtime.journal().uploads().ackedSeq());
            }
        }
    }

    private static Money yuan(JsonNode n, String field) {
        return Money.ofFen(n.path(field).decimalValue().movePointRight(2).longValueExact());
    }

    private static String fees(String mdtrtId, String psnNo, String sn, String code, String cnt) {
        return "{\"feedetail\":[{\"feedetl_sn\":\"" + sn + "\",\"mdtrt_id\":\"" + mdtrtId + "\",\"psn_no\":\"" + psnNo
                + "\",\"med_list_codg\":\"" + code + "\",\"cnt\":" + cnt + ",\"rxno\":\"RX-1\"}]}";
    }

    /** Enrols the counter's keys with the host (as `terminal enrol` does) and signs in over mutual TLS. */
    private static HostSession session(HostSimulator host, Path data, String terminalId) throws Exception {
        Path keys = HostConfig.keyDir(data);
        host.enrol(keys, terminalId);
        TerminalCredentials creds = TerminalCredentials.load(keys);
        return HostSession.open(VirtualTerminal.GROUP, "localhost", host.port(), creds.clientContext(),
                "H" + terminalId, "OP1", Duration.ofSeconds(30), Duration.ofSeconds(10), Json::object);
    }

    private static HostCalls calls(HostSession session) {
        return new HostCalls() {
            @Override
            public Response call(Infno infno, ObjectNode input) throws HostUnavailableException {
                return session.call(infno, input);
            }

            @Override
            public boolean online() {
                return true;
            }
        };
    }

    /** Uploads every signed record not acknowledged yet (8001) and moves the cursor to the host's ack. */
    private static void upload(HostSession session, CounterRuntime runtime) throws HostUnavailableException {
        JournalUpload journal = new JournalUpload(runtime.journal());
        Response r = VirtualTerminal.upload(session, journal.after(journal.ackedSeq(), 100));
        assertTrue(r.ok(), () -> "upload refused: " + r.toJson());
        journal.acknowledge(r.output().path("ack_seq").asLong());
    }
}
