package cn.yibao.terminal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP layer as a hostile or careless client meets it (issue 24), over a counter that is a
 * stub: every request gets an answer (a malformed target is 400 {@code BAD_URL}, a bug is 500
 * JSON), the deadline covers the request's head, the guard reads {@code Authorization},
 * {@code Host} and {@code Content-Type} as the RFCs say, every answer carries {@code nosniff}, and
 * nothing the client sent (token, ticket, PIN, query string) ever reaches the log.
 */
class WireHardeningIT {

    private static final String TOKEN = "wire-token-0123456789abcdefghijklmnopqrstuv";
    private static final String PIN = "918273";
    private static final String SECRET = "pin " + PIN + " token " + TOKEN;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:30:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final Pattern JAVA_WORDS = Pattern.compile(
            "of (?:long|int)\\b|\\bInteger\\b|BigDecimal|Feature|parser|ALLOW_[A-Z_]+|\\bclass\\b|java\\.");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LogCapture log;
    private static ApiServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        log = new LogCapture();
        server = ApiServer.start(new ApiServer.Settings(0, AccessToken.of(TOKEN),
                StubCounter.failing(Set.of("settlePharmacy", "todayTotals"), SECRET), CLOCK, 4096, "220100",
                new ApiServer.Capacity(64, Duration.ofSeconds(1))));
    }

    /** The log of the whole run: no token, no PIN, no query string, whatever the requests were. */
    @AfterAll
    static void theLogNeverHoldsASecret() {
        server.close();
        List<String> lines = log.lines();
        log.close();
        assertFalse(lines.isEmpty(), "something was logged");
        for (String line : lines) {
            assertFalse(line.contains(TOKEN), line);
            assertFalse(line.contains(PIN), line);
            assertFalse(line.contains("ticket="), line);
            assertFalse(line.contains("SECRETQUERY"), line);
        }
    }

    private static RawHttp connect() {
        return new RawHttp(server.port(), 10_000);
    }

    private static String host() {
        return "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    private static JsonNode json(RawHttp.Response r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertJsonError(RawHttp.Response r, int status, String code) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"), r.headers().toString());
        assertEquals("nosniff", r.header("X-Content-Type-Options"), r.headers().toString());
        assertEquals(code, json(r).path("err_code").asText(), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /%", "POST /api/%zz", "GET /api/status%", "GET /console/%",
        "GET /console/login?token=" + TOKEN + "&x=%zz", "GET /console/login?ticket=abc%", "GET /api/status?SECRETQUERY=%g1"})
    void aMalformedTargetIs400BadUrlAndTheRequestsBehindItAreAnswered(String line) {
        try (RawHttp http = connect()) {
            http.send(line + " HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN + "\r\nContent-Length: 0\r\n\r\n"
                    + "GET /nowhere HTTP/1.1\r\n" + host() + "\r\n");
            RawHttp.Response bad = http.read();
            assertJsonError(bad, 400, "BAD_URL");
            assertFalse(bad.body().contains(TOKEN), bad.body());
            assertJsonError(http.read(), 404, "NOT_FOUND");
        }
    }

    @Test
    void aBugIsA500JsonAndItsLogLineNamesThePathOnly() {
        String body = "{\"infno\": \"2102\", \"msgid\": \"M1\", \"input\": {\"druginfo\": {\"psn_no\": \"P1\"}, "
                + "\"drugdetail\": [{\"feedetl_sn\": \"1\", \"med_list_codg\": \"X\", \"cnt\": 1}], \"card_pin\": \"" + PIN + "\"}}";
        try (RawHttp http = connect()) {
            http.send("POST /api/2102?ticket=SECRETQUERY HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
            assertJsonError(http.read(), 500, "INTERNAL");
            http.send("GET /api/status?SECRETQUERY=1 HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN + "\r\n\r\n");
            assertJsonError(http.read(), 500, "INTERNAL");
        }
        List<String> failures = log.lines().stream().filter(l -> l.contains("failed")).toList();
        assertTrue(failures.stream().anyMatch(l -> l.contains("POST /api/2102 failed")), failures.toString());
        assertTrue(failures.stream().anyMatch(l -> l.contains("GET /api/status failed")), failures.toString());
    }

    @Test
    void aHeadNotCompleteWithinTheDeadlineIs408AndTheConnectionCloses() {
        try (RawHttp http = connect()) {
            Instant sent = Instant.now();
            http.send("GET /api/status HTTP/1.1\r\n" + host() + "X-Slow: a");
            RawHttp.Response r = http.read();
            assertJsonError(r, 408, "REQUEST_TIMEOUT");
            assertTrue(Duration.between(sent, Instant.now()).compareTo(Duration.ofSeconds(8)) < 0);
            assertTrue(http.closedByServer(), "closed after the 408");
        }
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        for (String scheme : new String[] {"Bearer", "bearer", "BEARER"}) {
            try (RawHttp http = connect()) {
                http.send("POST /api/host/failback HTTP/1.1\r\n" + host() + "Authorization: " + scheme + " " + TOKEN
                        + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
                RawHttp.Response r = http.read();
                assertEquals(200, r.status(), scheme + ": " + r.body());
            }
        }
        try (RawHttp http = connect()) {
            http.send("POST /api/host/failback HTTP/1.1\r\n" + host() + "Authorization: Basic " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
            assertJsonError(http.read(), 401, "TOKEN_WRONG");
        }
    }

    @Test
    void twoHostHeadersAreRefused() {
        try (RawHttp http = connect()) {
            http.send("GET /api/status HTTP/1.1\r\n" + host() + "Host: evil.example\r\nAuthorization: Bearer " + TOKEN
                    + "\r\n\r\n");
            assertJsonError(http.read(), 400, "DUPLICATE_HOST");
        }
        try (RawHttp http = connect()) {
            http.send("GET /api/status HTTP/1.1\r\n" + host() + host() + "Authorization: Bearer " + TOKEN + "\r\n\r\n");
            assertJsonError(http.read(), 400, "DUPLICATE_HOST");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
        "application/json; charset=\"utf-8\""})
    void jsonWithAnOptionalUtf8CharsetIsAccepted(String type) {
        assertEquals(200, failback(type).status(), type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/jsonx", "application/json-seq", "application/json; charset=latin1",
        "application/json; boundary=x", "text/json", "application/json;;"})
    void anyOtherContentTypeIs415(String type) {
        assertJsonError(failback(type), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    private static RawHttp.Response failback(String type) {
        try (RawHttp http = connect()) {
            http.send("POST /api/host/failback HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN
                    + "\r\nContent-Type: " + type + "\r\nContent-Length: 2\r\n\r\n{}");
            return http.read();
        }
    }

    @Test
    void theBoundsAnswersCarryNosniffToo() {
        try (RawHttp http = connect()) {
            http.send("POST /api/2101 HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 50000\r\nExpect: 100-continue\r\n\r\n");
            assertJsonError(http.read(), 413, "BODY_TOO_LARGE");
        }
        try (RawHttp http = connect()) {
            http.send("POST /api/2101 HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nExpect: something\r\n\r\n{}");
            assertJsonError(http.read(), 417, "EXPECTATION_FAILED");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"infno\": \"1312\", \"msgid\": \"M2\", \"input\": {\"data\": {\"page_size\": 99999999999999999999999}}}",
        "{\"infno\": \"1312\", \"msgid\": \"M3\", \"input\": {\"data\": {\"page_size\": 9999999999}}}",
        "{\"infno\": \"1312\", \"msgid\": \"M4\", /* comment */ \"input\": {}}",
        "{\"infno\": \"1312\", \"msgid\": \"M5\", \"input\": {\"data\": {\"page_size\": 1NUMBER}}}",
        "{\"infno\": \"2101\", \"msgid\": \"M6\", \"input\": {\"druginfo\": {\"psn_no\": \"P1\"}, \"drugdetail\": "
                + "[{\"feedetl_sn\": \"1\", \"med_list_codg\": \"X\", \"cnt\": \"abc\"}]}}"})
    void refusalsSpeakTheApisTermsChineseInErrMsgEnglishInErrMsgEn(String body) {
        String sent = body.replace("NUMBER", "0".repeat(1200));
        try (RawHttp http = connect()) {
            http.send("POST /api/" + sent.substring(11, 15) + " HTTP/1.1\r\n" + host() + "Authorization: Bearer " + TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + sent.length() + "\r\n\r\n" + sent);
            RawHttp.Response r = http.read();
            assertEquals(400, r.status(), r.body());
            String zh = json(r).path("err_msg").asText();
            String en = json(r).path("err_msg_en").asText();
            assertFalse(JAVA_WORDS.matcher(en).find(), en);
            assertFalse(JAVA_WORDS.matcher(zh).find(), zh);
            // Chinese for the counter: field paths and the API's names may appear, English prose may not
            assertFalse(Pattern.compile("\\b(?:must|is|not|the|a|of|with)\\b").matcher(zh).find(), zh);
        }
    }
}
