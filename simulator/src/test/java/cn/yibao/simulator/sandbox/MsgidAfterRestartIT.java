package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox keeps its state across a restart, as {@code simulator sandbox} does without
 * {@code --fresh}: the same journal, card and host. The msgid bindings too: after a restart the same
 * msgid with another basket or PIN is still a conflict, an identical resend gets the first answer,
 * and the file that remembers it is the owner's only. {@code --fresh} starts over, but never beside a
 * running sandbox.
 */
class MsgidAfterRestartIT {

    @TempDir
    Path home;

    @Test
    void aMsgidBoundBeforeARestartIsStillBoundAfterIt() throws Exception {
        String msgid;
        String setlId;
        String sale;
        Money balance;
        try (SandboxFixture api = new SandboxFixture(home)) {
            sale = SandboxFixture.SALE_OPEN.formatted(api.psnNo()) + ", \"card_pin\": \"%s\"}";
            msgid = api.client.nextMsgid();
            ApiClient.Answer first = api.client.call("2102", msgid, sale.formatted("123456"));
            assertEquals(0, first.infcode(), first.body());
            setlId = first.output().path("setlinfo").path("setl_id").asText();
            balance = api.balance();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(home.resolve("terminal").resolve("msgid-bindings.db"))));
        try (SandboxFixture api = new SandboxFixture(home)) {
            assertEquals(balance, api.balance(), "the same card after the restart");
            for (String other : new String[] {sale.formatted("654321"), sale.formatted("123456").replace("\"cnt\": 2",
                    "\"cnt\": 5")}) {
                ApiClient.Answer refused = api.client.call("2102", msgid, other);
                assertEquals(409, refused.status(), refused.body());
                assertEquals("MSGID_CONFLICT", refused.errCode(), refused.body());
                assertTrue(refused.json().path("err_msg_en").asText().contains(msgid), refused.body());
            }
            ApiClient.Answer same = api.client.call("2102", msgid, sale.formatted("123456"));
            assertEquals(0, same.infcode(), same.body());
            assertEquals(setlId, same.output().path("setlinfo").path("setl_id").asText(), "an identical resend: the first answer");
            assertEquals(balance, api.balance(), "nothing settled again");
            IllegalStateException running = assertThrows(IllegalStateException.class, () -> Sandbox.start(
                    SandboxSettings.under(home).withFresh(true), RuntimeOptions.defaults()), "--fresh beside a running sandbox");
            assertTrue(running.getMessage().contains("already runs"), running.getMessage());
            assertTrue(Files.exists(home.resolve("terminal").resolve("journal.db"))
                    && Files.exists(home.resolve("simulator").resolve("cards")), "the running sandbox's state is untouched");
            ApiClient.Answer found = api.client.call("5203", "{\"data\": {\"setl_id\": \"" + setlId + "\"}}");
            assertEquals(1, found.output().path("data").size(), "the journal survived the restart: " + found.body());
        }
        try (SandboxFixture api = new SandboxFixture(home,
                SandboxSettings.under(home).withClock(SandboxFixture.CLOCK).withFresh(true))) {
            assertTrue(api.balance().compareTo(balance) > 0, "--fresh: a new card");
            ApiClient.Answer found = api.client.call("5203", "{\"data\": {\"setl_id\": \"" + setlId + "\"}}");
            assertEquals(0, found.output().path("data").size(), "--fresh: an empty journal: " + found.body());
            assertEquals(0, api.client.call("2102", msgid, sale.formatted("123456").replace("\"cnt\": 2", "\"cnt\": 5"))
                    .infcode(), "--fresh: no msgid bound");
        }
    }
}
