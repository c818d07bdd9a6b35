package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.card.Money;
import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.ApiServer;
import cn.yibao.terminal.testing.Await;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a careful integrator or another program on the same machine would try, each refused in the
 * national error envelope with nothing settled twice and the server still answering afterwards.
 * Each test fails when its protection is removed.
 */
class ApiHardeningIT {

    private static final Pattern INTERNALS = Pattern.compile("java\\.|cn\\.yibao|com\\.fasterxml|StreamRead|JsonToken|`");

    @TempDir
    Path home;
    private SandboxFixture api;
    private ApiClient client;
    private String psnNo;
    private String saleOpen;
    private Money start;

    @BeforeEach
    void start() throws Exception {
        api = new SandboxFixture(home);
        client = api.client;
        psnNo = api.psnNo();
        saleOpen = SandboxFixture.SALE_OPEN.formatted(psnNo);
        start = api.balance();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String sale(String pin) {
        return saleOpen + ", \"card_pin\": \"" + pin + "\"}";
    }

    @Test
    void theSameMsgidWithAnotherBasketAmountOrPinIsAConflictAndSettlesNothing() {
        String msgid = client.nextMsgid();
        ApiClient.Answer first = client.call("2102", msgid, sale("123456"));
        assertEquals(0, first.infcode(), first.body());
        String setlId = first.output().path("setlinfo").path("setl_id").asText();
        Money after = api.balance();

        ApiClient.Answer same = client.call("2102", msgid, sale("123456"));
        assertEquals(setlId, same.output().path("setlinfo").path("setl_id").asText(), "an identical resend: the first answer");

        List<String> others = List.of(sale("123456").replace("\"cnt\": 2", "\"cnt\": 3"),
                sale("123456").replace("\"psn_no\": \"" + psnNo + "\"}", "\"psn_no\": \"" + psnNo + "\", \"acct_pay\": 1.00}"),
                sale("654321"), saleOpen + "}");
        for (String other : others) {
            ApiClient.Answer refused = client.call("2102", msgid, other);
            assertError(refused, 409, -2, "MSGID_CONFLICT");
            assertTrue(refused.json().path("err_msg").asText().contains(msgid), refused.body());
            assertTrue(refused.json().path("err_msg_en").asText().contains(msgid), refused.body());
        }
        assertError(client.call("2103", msgid, "{\"data\": {\"setl_id\": \"" + setlId + "\", \"psn_no\": \"" + psnNo + "\"}}"),
                409, -2, "MSGID_CONFLICT");
        assertEquals(after, api.balance(), "nothing debited or refunded by the conflicts");
        assertEquals(setlId, client.call("2102", msgid, sale("123456")).output().path("setlinfo").path("setl_id").asText(),
                "the identical resend still gets the first answer");
    }

    @Test
    void copiesOfOneSettlementSentAtOnceSettleOnce() throws Exception {
        String msgid = client.nextMsgid();
        List<CompletableFuture<ApiClient.Answer>> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            copies.add(CompletableFuture.supplyAsync(() -> client.call("2102", msgid, sale("123456"))));
        }
        Set<String> setlIds = new TreeSet<>();
        for (var copy : copies) {
            ApiClient.Answer a = copy.get(30, TimeUnit.SECONDS);
            assertEquals(0, a.infcode(), a.body());
            setlIds.add(a.output().path("setlinfo").path("setl_id").asText());
        }
        assertEquals(1, setlIds.size(), setlIds.toString());
        Money acctPay = Money.parseYuan(copies.get(0).get().output().path("setlinfo").path("acct_pay").asText());
        assertTrue(acctPay.compareTo(Money.ZERO) > 0, "the account pays a part");
        assertEquals(start.minus(acctPay), api.balance(), "debited once");
    }

    @Test
    void aBodyOverTheLimitAnnouncedWithExpectContinueGetsTheJsonEnvelope() throws Exception {
        String head = "POST /api/1101 HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port() + "\r\nAuthorization: Bearer "
                + SandboxFixture.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + (2 << 20)
                + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n";
        String answer = raw(head);
        assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        assertTrue(answer.contains("\"err_code\":\"BODY_TOO_LARGE\""), answer);
        String odd = raw("POST /api/1101 HTTP/1.1\r\nHost: 127.0.0.1:" + api.server.port()
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: something-else\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(odd.startsWith("HTTP/1.1 417"), odd);
        assertTrue(odd.contains("\"err_code\":\"EXPECTATION_FAILED\""), odd);
        assertEquals(0, client.call("1101", "{}").infcode(), "the server still answers");
    }

    @Test
    void badFieldsAreNamedInTheIntegratorsTerms() {
        String bad = sale("123456").replace("\"cnt\": 2", "\"cnt\": \"two\"");
        ApiClient.Answer a = client.call("2101", bad);
        assertError(a, 400, -2, "BAD_INPUT");
        assertTrue(a.json().path("err_msg_en").asText().contains("drugdetail[0].cnt: must be a number"), a.body());
        ApiClient.Answer longNumber = client.post("/api/1101", "{\"msgid\": \"m\", \"input\": {\"x\": 1"
                + "0".repeat(1500) + "}}", SandboxFixture.TOKEN);
        assertError(longNumber, 400, -2, "BAD_JSON");
        for (ApiClient.Answer each : List.of(a, longNumber, client.call("2101", saleOpen.replace("\"cnt\": 2", "\"cnt\": [2]")
                + "}"), client.post("/api/tender", "{\"paid\": true}", SandboxFixture.TOKEN))) {
            assertFalse(INTERNALS.matcher(each.body()).find(), each.body());
        }
    }

    @Test
    void theTokenInAUrlIsRefusedAndALoginLinkWorksOnce() {
        ApiClient.Answer inUrl = client.get("/console/login?token=" + SandboxFixture.TOKEN, null);
        assertError(inUrl, 400, -2, "TOKEN_IN_URL");
        assertFalse(inUrl.raw().headers().firstValue("Set-Cookie").isPresent());
        String link = "/console/login?ticket=" + AccessToken.of(SandboxFixture.TOKEN).loginTicket(SandboxFixture.CLOCK);
        assertEquals(303, client.get(link, null).status());
        assertError(client.get(link, null), 401, -4, "LOGIN_LINK_INVALID");
        String stale = "/console/login?ticket=" + AccessToken.of(SandboxFixture.TOKEN).loginTicket(
                java.time.Clock.fixed(SandboxFixture.CLOCK.instant().minus(Duration.ofMinutes(6)), SandboxFixture.CLOCK.getZone()));
        assertError(client.get(stale, null), 401, -4, "LOGIN_LINK_INVALID");
    }

    @Test
    void theConsolePromptPostsTheTokenAndGetsASessionCookie() {
        ApiClient.Answer wrong = client.post("/console/login", "{\"token\": \"nope\"}", null);
        assertError(wrong, 401, -4, "TOKEN_WRONG");
        ApiClient.Answer ok = client.post("/console/login", "{\"token\": \"" + SandboxFixture.TOKEN + "\"}", null);
        assertEquals(0, ok.infcode(), ok.body());
        String cookie = ok.raw().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertEquals(0, client.send(client.request("/api/status", null).header("Cookie", cookie).GET().build()).infcode());
        HttpRequest crossSite = client.request("/console/login", null).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"token\": \"" + SandboxFixture.TOKEN + "\"}")).build();
        assertError(client.send(crossSite), 403, -4, "ORIGIN_NOT_ALLOWED");
    }

    @Test
    void aCrossSitePageCannotUseTheCashiersSession() {
        String cookie = client.post("/console/login", "{\"token\": \"" + SandboxFixture.TOKEN + "\"}", null)
                .raw().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:1", "http://localhost.evil.example:"
                + api.server.port())) {
            HttpRequest forged = client.request("/api/2102", null).header("Cookie", cookie)
                    .header("Content-Type", "application/json").header("Origin", origin)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"msgid\": \"x\", \"input\": " + sale("123456") + "}"))
                    .build();
            assertError(client.send(forged), 403, -4, "ORIGIN_NOT_ALLOWED");
        }
        HttpRequest form = client.request("/api/2102", null).header("Cookie", cookie)
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertError(client.send(form), 415, -2, "UNSUPPORTED_MEDIA_TYPE");
        assertEquals(start, api.balance(), "nothing settled");
    }

    @Test
    void anotherTerminalsTokenAndSessionAreRefused() throws Exception {
        String otherToken = "another-terminals-token-0123456789abcdefghij";
        try (ApiServer other = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(otherToken), api.sandbox.counter(), SandboxFixture.CLOCK, ApiServer.DEFAULT_MAX_BODY, "220100"))) {
            ApiClient otherClient = new ApiClient(other.baseUri(), otherToken);
            String otherCookie = otherClient.post("/console/login", "{\"token\": \"" + otherToken + "\"}", null)
                    .raw().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
            assertError(client.post("/api/1101", "{\"msgid\": \"m\"}", otherToken), 401, -4, "TOKEN_WRONG");
            assertError(client.send(client.request("/api/status", null).header("Cookie", otherCookie).GET().build()),
                    401, -4, "TOKEN_WRONG");
            String otherLink = "/console/login?ticket=" + AccessToken.of(otherToken).loginTicket(SandboxFixture.CLOCK);
            assertError(client.get(otherLink, null), 401, -4, "LOGIN_LINK_INVALID");
        }
    }

    @Test
    void aDnsRebindingHostIsRefusedEvenWithTheToken() throws Exception {
        for (String host : List.of("attacker.example", "127.0.0.1.attacker.example:" + api.server.port(),
                "localhost", "127.0.0.1:1")) {
            String answer = raw("GET /api/status HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                    + SandboxFixture.TOKEN + "\r\nConnection: close\r\n\r\n");
            assertTrue(answer.startsWith("HTTP/1.1 403") && answer.contains("\"err_code\":\"HOST_NOT_ALLOWED\""), answer);
        }
    }

    @Test
    void aSlowBodyIsAnswered408AndTheServerStaysUp() throws Exception {
        try (ApiServer slow = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(SandboxFixture.TOKEN), api.sandbox.counter(),
                SandboxFixture.CLOCK, ApiServer.DEFAULT_MAX_BODY, "220100", new ApiServer.Capacity(64, Duration.ofSeconds(1))));
                Socket s = new Socket("127.0.0.1", slow.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/1101 HTTP/1.1\r\nHost: 127.0.0.1:" + slow.port() + "\r\nAuthorization: Bearer "
                    + SandboxFixture.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"msgid\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Instant sent = Instant.now();
            String answer = readAll(s.getInputStream());
            assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
            assertTrue(answer.contains("\"err_code\":\"REQUEST_TIMEOUT\""), answer);
            assertTrue(Duration.between(sent, Instant.now()).compareTo(Duration.ofSeconds(15)) < 0, "well before the idle timeout");
            assertEquals(0, new ApiClient(slow.baseUri(), SandboxFixture.TOKEN).call("1101", "{}").infcode());
        }
    }

    @Test
    void aFloodBeyondTheRequestsInProgressIsRefused429AndTheRestAreAnswered() throws Exception {
        try (ApiServer small = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(SandboxFixture.TOKEN), api.sandbox.counter(),
                SandboxFixture.CLOCK, ApiServer.DEFAULT_MAX_BODY, "220100", new ApiServer.Capacity(2, Duration.ofSeconds(30))))) {
            ApiClient c = new ApiClient(small.baseUri(), SandboxFixture.TOKEN);
            List<CompletableFuture<ApiClient.Answer>> held = new ArrayList<>();
            ApiClient.Answer refused;
            synchronized (api.sandbox.reader()) { // card work waits while the test holds the reader
                for (int i = 0; i < 2; i++) {
                    held.add(CompletableFuture.supplyAsync(() -> c.call("1101", "{}")));
                }
                awaitInFlight(small, c);
                refused = CompletableFuture.supplyAsync(() -> c.get("/api/status", SandboxFixture.TOKEN)).get(10, TimeUnit.SECONDS);
            }
            assertError(refused, 429, -2, "TOO_MANY_REQUESTS");
            for (var h : held) {
                assertEquals(200, h.get(30, TimeUnit.SECONDS).status());
            }
            assertEquals(200, c.get("/api/status", SandboxFixture.TOKEN).status(), "the server still answers");
        }
    }

    /** Polls until the two held requests are in progress: a third is then refused at once. */
    private static void awaitInFlight(ApiServer server, ApiClient c) throws InterruptedException {
        Await.until(Duration.ofSeconds(10), () -> server.inFlight() >= 2, () -> "two requests held, " + server.inFlight() + " in progress");
        assertEquals(2, server.inFlight(), "two requests held");
    }

    private String raw(String request) throws Exception {
        try (Socket s = new Socket("127.0.0.1", api.server.port())) {
            s.setSoTimeout(20_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return readAll(s.getInputStream());
        }
    }

    private static String readAll(InputStream in) throws Exception {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toString(StandardCharsets.UTF_8);
    }

    private static void assertError(ApiClient.Answer a, int status, int infcode, String code) {
        assertEquals(status, a.status(), a.body());
        assertEquals(infcode, a.infcode(), a.body());
        assertEquals(code, a.errCode(), a.body());
        assertTrue(a.json().path("err_msg").asText().length() > 2, a.body());
        assertTrue(a.json().path("err_msg_en").asText().length() > 2, a.body());
    }
}
