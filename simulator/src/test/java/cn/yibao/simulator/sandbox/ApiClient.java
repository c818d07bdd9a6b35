package cn.yibao.simulator.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** A plain java.net.http client for the terminal's API, as an HIS would write it. */
final class ApiClient {

    /** A response: HTTP status, raw body, and the body parsed. */
    record Answer(int status, String body, JsonNode json, HttpResponse<String> raw) {
        int infcode() {
            return json.path("infcode").asInt(Integer.MIN_VALUE);
        }

        String errCode() {
            return json.path("err_code").asText(null);
        }

        JsonNode output() {
            return json.path("output");
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final AtomicInteger serial = new AtomicInteger();
    private final URI base;
    private final String token;

    ApiClient(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Posts an envelope for {@code infno} with a fresh msgid around {@code input} (JSON text). */
    Answer call(String infno, String input) {
        return call(infno, nextMsgid(), input);
    }

    Answer call(String infno, String msgid, String input) {
        ObjectNode env = json.createObjectNode();
        env.put("infno", infno);
        env.put("msgid", msgid);
        env.put("inf_time", "2026-11-23 10:30:00");
        env.put("opter", "cashier01");
        try {
            env.set("input", json.readTree(input));
            return post("/api/" + infno, json.writeValueAsString(env), token);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String nextMsgid() {
        return String.format("H22010000000120261123103000%03d", serial.incrementAndGet()).substring(0, 30);
    }

    Answer post(String path, String body, String bearer) {
        HttpRequest.Builder b = request(path, bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b.build());
    }

    Answer get(String path, String bearer) {
        return send(request(path, bearer).GET().build());
    }

    HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(20));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return b;
    }

    Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode parsed = r.body().isEmpty() || !r.headers().firstValue("Content-Type").orElse("").contains("json")
                    ? json.createObjectNode() : json.readTree(r.body());
            return new Answer(r.statusCode(), r.body(), parsed, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
