package cn.yibao.simulator.counter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.hostlink.msg.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client of the terminal's API, as an HIS would write it. */
final class HisClient {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String token;
    private int serial;

    HisClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** @return the output of {@code infno}, which must succeed, under a fresh msgid */
    JsonNode ok(String infno, String input) throws Exception {
        return ok(infno, "H" + infno + "-" + (++serial), input);
    }

    /** @return the output of {@code infno} under {@code msgid}, which must succeed */
    JsonNode ok(String infno, String msgid, String input) throws Exception {
        JsonNode answer = post(infno, msgid, input);
        assertEquals(0, answer.path("infcode").asInt(), () -> infno + ": " + answer);
        return answer.path("output");
    }

    /** @return the {@code err_code} of {@code infno}, which must be refused, under a fresh msgid */
    String refused(String infno, String input) throws Exception {
        return refused(infno, "H" + infno + "-" + (++serial), input);
    }

    /** @return the {@code err_code} of {@code infno} under {@code msgid}, which must be refused */
    String refused(String infno, String msgid, String input) throws Exception {
        JsonNode answer = post(infno, msgid, input);
        assertEquals(-1, answer.path("infcode").asInt(), () -> infno + ": " + answer);
        return answer.path("err_code").asText();
    }

    private JsonNode post(String infno, String msgid, String input) throws Exception {
        return post("/api/" + infno, "{\"infno\":\"" + infno + "\",\"msgid\":\"" + msgid + "\",\"input\":" + input + "}");
    }

    /** @return the whole answer (envelope) to {@code body} posted to {@code path} */
    JsonNode post(String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return Json.parse(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }
}
