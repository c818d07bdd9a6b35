package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.simulator.reader.PcscCounter;
import cn.yibao.simulator.vpcd.PcscdExtension;
import cn.yibao.terminal.counter.live.CounterRuntime;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One counter: for the same persona and basket, the sandbox (virtual card and PSAM in-process) and
 * the pcscd path of {@code scripts/demo.sh} (the live counter reading the virtual card through
 * javax.smartcardio → pcscd → vpcd) answer the same 2101 and 2102, ids and times aside.
 */
@ExtendWith(PcscdExtension.class)
class SandboxMatchesPcscIT {

    /** What differs between two runs of one sale by nature: its ids and its times. */
    private static final Pattern IDS_AND_TIMES = Pattern.compile("setl_id|mdtrt_id|.*_time|.*_date|.*msgid.*|trace.*");

    @TempDir
    Path dir;

    @Test
    void theSandboxAndThePcscdPathGiveTheSameSettlement() throws Exception {
        JsonNode[] pcsc;
        try (PcscCounter rig = new PcscCounter(PcscdExtension.pcscd(), SandboxFixture.EMPLOYEE, dir.resolve("pcsc-sim"));
             CounterRuntime runtime = CounterRuntime.open(dir.resolve("pcsc-terminal"),
                     PcscCounter.cardAccess(PcscdExtension.pcscd()), rig.psam().terminalId(), SandboxFixture.CLOCK);
             ApiServer server = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(SandboxFixture.TOKEN),
                     runtime.counter(), SandboxFixture.CLOCK, ApiServer.DEFAULT_MAX_BODY, "220100"))) {
            pcsc = sale(new ApiClient(server.baseUri(), SandboxFixture.TOKEN));
        }
        JsonNode[] sandbox;
        try (SandboxFixture api = new SandboxFixture(dir.resolve("sandbox"))) {
            sandbox = sale(api.client);
        }
        for (int i = 0; i < pcsc.length; i++) {
            assertTrue(pcsc[i].path("setlinfo").size() > 10, pcsc[i].toString());
            assertEquals(comparable(pcsc[i]), comparable(sandbox[i]), i == 0 ? "2101" : "2102");
        }
    }

    /** @return the outputs of 2101 and 2102 of a pharmacy sale of a class B and a class C drug */
    private static JsonNode[] sale(ApiClient client) {
        String psnNo = client.call("1101", "{}").output().path("baseinfo").path("psn_no").asText();
        String sale = SandboxFixture.SALE_OPEN.formatted(psnNo);
        ApiClient.Answer pre = client.call("2101", sale + "}");
        assertEquals(0, pre.infcode(), pre.body());
        ApiClient.Answer settled = client.call("2102", sale + ", \"card_pin\": \"123456\"}");
        assertEquals(0, settled.infcode(), settled.body());
        return new JsonNode[] {pre.output(), settled.output()};
    }

    /** @return the output with its ids and times removed, at any depth */
    private static JsonNode comparable(JsonNode output) {
        JsonNode copy = output.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.properties().removeIf(e -> IDS_AND_TIMES.matcher(e.getKey()).matches());
            o.properties().forEach(e -> strip(e.getValue()));
        } else if (node.isArray()) {
            node.forEach(SandboxMatchesPcscIT::strip);
        }
    }
}
