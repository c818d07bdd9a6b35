package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.demo.DemoCounter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live counter's server remembers which request each answered msgid was bound to in its data
 * directory: after a restart the same msgid with another basket or PIN is still a conflict, and
 * the file that remembers it is the owner's only. (The counter here outlives the server, as a
 * counter's journal outlives a restart of {@code serve}.)
 */
class MsgidAfterRestartIT {

    private static final String SALE = ApiFixture.SALE_OPEN + ", \"card_pin\": \"%s\"}";

    @TempDir
    Path dir;

    private ApiServer start(DemoCounter counter) throws Exception {
        return ApiServer.start(new ApiServer.Settings(0, AccessToken.of(ApiFixture.TOKEN), counter, ApiFixture.CLOCK,
                ApiServer.DEFAULT_MAX_BODY, "220100"), dir);
    }

    @Test
    void aMsgidBoundBeforeARestartIsStillBoundAfterIt() throws Exception {
        DemoCounter counter = new DemoCounter(ApiFixture.CLOCK);
        String msgid;
        String setlId;
        try (ApiServer server = start(counter)) {
            ApiClient client = new ApiClient(server.baseUri(), ApiFixture.TOKEN);
            msgid = client.nextMsgid();
            ApiClient.Answer first = client.call("2102", msgid, SALE.formatted("123456"));
            assertEquals(0, first.infcode(), first.body());
            setlId = first.output().path("setlinfo").path("setl_id").asText();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(MsgidBindings.FILE))));
        Money balance = counter.balance(DemoCounter.EMPLOYEE);
        try (ApiServer server = start(counter)) {
            ApiClient client = new ApiClient(server.baseUri(), ApiFixture.TOKEN);
            for (String other : new String[] {SALE.formatted("654321"), SALE.formatted("123456").replace("\"cnt\": 2",
                    "\"cnt\": 5")}) {
                ApiClient.Answer refused = client.call("2102", msgid, other);
                assertEquals(409, refused.status(), refused.body());
                assertEquals("MSGID_CONFLICT", refused.errCode(), refused.body());
                assertTrue(refused.json().path("err_msg_en").asText().contains(msgid), refused.body());
            }
            ApiClient.Answer same = client.call("2102", msgid, SALE.formatted("123456"));
            assertEquals(0, same.infcode(), same.body());
            assertEquals(setlId, same.output().path("setlinfo").path("setl_id").asText(), "an identical resend: the first answer");
        }
        assertEquals(balance, counter.balance(DemoCounter.EMPLOYEE), "nothing settled again");
    }
}
