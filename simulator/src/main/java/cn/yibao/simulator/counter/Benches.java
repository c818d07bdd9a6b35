package cn.yibao.simulator.counter;

import cn.yibao.terminal.http.ApiJson;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** What the counter benchmarks share: a call of the HIS API, quantiles of sorted timings. */
public final class Benches {

    private Benches() {
    }

    private static final ObjectMapper JSON = ApiJson.mapper();

    /**
     * Posts one transaction to the HIS API at {@code base} as an integrator would (a new msgid each
     * time) and returns its {@code output}.
     *
     * @throws IllegalStateException when the counter refuses it
     */
    public static JsonNode call(HttpClient http, URI base, String token, String infno, String input)
            throws IOException, InterruptedException {
        String body = "{\"infno\":\"" + infno + "\",\"msgid\":\"B" + System.nanoTime() + "\",\"input\":" + input + "}";
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/" + infno))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode envelope = JSON.readTree(response.body());
        if (envelope.path("infcode").asInt(-99) != 0) {
            throw new IllegalStateException(infno + " failed: " + response.body());
        }
        return envelope.path("output");
    }

    /** @return the {@code q} quantile (0..1] of {@code sorted} nanoseconds */
    public static long quantile(long[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    }
}
