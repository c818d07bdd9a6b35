package cn.yibao.simulator.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.http.AccessToken;
import cn.yibao.terminal.http.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every request and response judged by a validator we did not write: Stoplight Prism proxies in
 * front of a running {@code simulator sandbox} (the live counter on simulated parts), checking both directions against
 * docs/openapi.yaml. Through one proxy with {@code --errors} go the documented exchanges of
 * docs/http-api.md (the traffic of {@link HttpApiDocsIT}), a msgid reused for another basket (the
 * 409) and the valid generated requests: any
 * violation is an error answer from Prism. The wrong requests (each field of a valid one made wrong,
 * missing or out of range) go through a second proxy without {@code --errors}, so that they reach
 * the server, and Prism reports in {@code sl-violations} what it found; the request's violations
 * are the point, a response's is a failure. No answer may be a 5xx, and each status must be one the
 * document lists for the operation. The report is target/conformance/fuzz-report.txt.
 */
class OpenApiConformanceIT {

    static final int MIN_REQUESTS = 1000;
    private static final int ROUNDS = 4;
    private static final int MUTATIONS_PER_ROUND = 12;
    private static final long SEED = Long.getLong("fuzz.seed", 20261204L);
    private static final Path OUT = Path.of("target", "conformance").toAbsolutePath();

    /** One operation of the document. */
    /**
     * What an answer must never say: a Java type, package or exception, the JSON parser or its
     * settings (messages speak of fields, rules and bounds).
     */
    static final java.util.regex.Pattern JAVA_INTERNALS = java.util.regex.Pattern.compile(
            "java\\.|javax\\.|com\\.fasterxml|cn\\.yibao\\.|Exception|Jackson|JsonParser|JsonNode|ObjectNode"
            + "|Feature '|out of range of|Integer with|BigDecimal|\\bjava\\b");

    record Op(String path, String method, JsonNode bodySchema, Set<String> statuses) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicLong serial = new AtomicLong();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, int[]> perOperation = new TreeMap<>();
    private String token;

    @Test
    void prismFindsNoViolationAndTheServerNo5xx() throws Exception {
        Path prism = NodeTools.bin("prism");
        Path jar = Path.of("target", "simulator.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        Path data = Files.createTempDirectory("conformance-");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try (NodeTools.Proc serve = new NodeTools.Proc(List.of(java, "-jar", jar.toString(), "sandbox",
                "--port", "0", "--wait", "1", "--home", data.toString()), OUT.resolve("serve.log"))) {
            Matcher m = serve.await(Pattern.compile("HIS API:  http://127\\.0\\.0\\.1:(\\d+)/"), Duration.ofSeconds(60));
            String upstream = "http://127.0.0.1:" + m.group(1);
            token = Files.readString(data.resolve("terminal").resolve(AccessToken.FILE), StandardCharsets.US_ASCII).trim();
            int strictPort = NodeTools.freePort();
            int lenientPort = NodeTools.freePort();
            try (NodeTools.Proc strict = prism(prism, upstream, strictPort, true);
                    NodeTools.Proc lenient = prism(prism, upstream, lenientPort, false)) {
                Pattern listening = Pattern.compile("Prism is listening");
                strict.await(listening, Duration.ofSeconds(90));
                lenient.await(listening, Duration.ofSeconds(90));
                run(URI.create("http://127.0.0.1:" + strictPort), URI.create("http://127.0.0.1:" + lenientPort));
            }
        } finally {
            writeReport(perOperation.values().stream().mapToInt(c -> c[0] + c[1]).sum());
        }
        int total = perOperation.values().stream().mapToInt(c -> c[0] + c[1]).sum();
        assertEquals(List.of(), failures, failures.size() + " failures; see " + OUT.resolve("fuzz-report.txt"));
        assertTrue(total >= MIN_REQUESTS, total + " requests");
    }

    private static NodeTools.Proc prism(Path bin, String upstream, int port, boolean errors) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(bin.toString(), "proxy", NodeTools.OPENAPI.toString(), upstream,
                "--host", "127.0.0.1", "--port", Integer.toString(port)));
        if (errors) {
            cmd.add("--errors");
        }
        return new NodeTools.Proc(cmd, OUT.resolve(errors ? "prism-errors.log" : "prism.log"));
    }

    private void run(URI strict, URI lenient) throws Exception {
        msgidConflict(strict); // first: the employee is admitted to hospital by the documented 2401
        for (HttpApiDocsIT.Example ex : HttpApiDocsIT.examples(Files.readString(HttpApiDocsIT.DOC, StandardCharsets.UTF_8))) {
            if (ex.request().startsWith("GET ")) {
                check(strict, operation("/api/status", "get"), null, "docs example", true);
            } else {
                ObjectNode body = (ObjectNode) json.readTree(ex.request());
                body.put("msgid", msgid());
                check(strict, operation("/api/" + body.path("infno").asText(), "post"), body, "docs example", true);
            }
        }
        SchemaFuzzer fuzzer = new SchemaFuzzer(NodeTools.OPENAPI, SEED);
        List<Op> ops = operations(fuzzer);
        java.util.Random pick = new java.util.Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            for (Op op : ops) {
                if (op.bodySchema() == null) {
                    check(strict, op, null, "valid", true);
                    continue;
                }
                JsonNode valid = withMsgid(fuzzer.valid(op.bodySchema(), "body"));
                check(strict, op, valid, "valid", true);
                List<SchemaFuzzer.Mutation> all = new ArrayList<>(fuzzer.mutations(op.bodySchema(), valid, "body"));
                Collections.shuffle(all, pick);
                for (SchemaFuzzer.Mutation mu : all.subList(0, Math.min(MUTATIONS_PER_ROUND, all.size()))) {
                    JsonNode body = mu.what().startsWith("body.msgid") ? mu.body() : withMsgid(mu.body());
                    check(mu.stillValid() ? strict : lenient, op, body, mu.what(), mu.stillValid());
                }
            }
        }
        Set<String> covered = new TreeSet<>(perOperation.keySet());
        Set<String> all = new TreeSet<>();
        ops.forEach(o -> all.add(o.method() + " " + o.path()));
        assertEquals(all, covered, "every operation was driven");
    }

    private JsonNode withMsgid(JsonNode body) {
        if (body.isObject() && body.has("msgid")) {
            ((ObjectNode) body).put("msgid", msgid());
        }
        return body;
    }

    private String msgid() {
        return String.format("FZ%012d", serial.incrementAndGet());
    }

    /** The same msgid for another basket, through the strict proxy: 409 in the documented envelope. */
    private void msgidConflict(URI strict) throws Exception {
        Op settle = operation("/api/2102", "post");
        String sale = "{\"infno\": \"2102\", \"msgid\": \"%s\", \"input\": {\"druginfo\": {\"psn_no\": \"" + SandboxFixture.EMPLOYEE_PSN_NO + "\"},"
                + " \"drugdetail\": [{\"feedetl_sn\": \"1\", \"med_list_codg\": \"6901234500048\", \"cnt\": %d}],"
                + " \"card_pin\": \"123456\"}}";
        String id = msgid();
        assertEquals(200, check(strict, settle, json.readTree(String.format(sale, id, 1)), "msgid first", true).statusCode());
        assertEquals(200, check(strict, settle, json.readTree(String.format(sale, id, 1)), "msgid resent", true).statusCode());
        HttpResponse<String> conflict = check(strict, settle, json.readTree(String.format(sale, id, 2)), "msgid reused", true);
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertTrue(conflict.body().contains("MSGID_CONFLICT") && conflict.body().contains(id), conflict.body());
    }

    private HttpResponse<String> check(URI base, Op op, JsonNode body, String what, boolean valid) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(op.path())).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            b.GET();
        } else {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        perOperation.computeIfAbsent(op.method() + " " + op.path(), k -> new int[2])[valid ? 0 : 1]++;
        String where = op.method().toUpperCase(java.util.Locale.ROOT) + " " + op.path() + " (" + what + ")";
        String violations = r.headers().firstValue("sl-violations").orElse("[]");
        String problem = r.headers().firstValue("Content-Type").orElse("").contains("problem+json") ? r.body() : null;
        if (r.statusCode() >= 500) {
            failures.add(where + ": HTTP " + r.statusCode() + " " + r.body());
        } else if (problem != null) {
            failures.add(where + ": Prism answered " + r.statusCode() + " " + problem + "\n    request: " + body);
        } else if (valid && !violations.equals("[]")) {
            failures.add(where + ": violations " + violations);
        } else if (violations.contains("\"response\"")) {
            failures.add(where + ": response violations " + violations + "\n    request: " + body);
        } else if (!op.statuses().contains(Integer.toString(r.statusCode()))) {
            failures.add(where + ": HTTP " + r.statusCode() + " is not documented for the operation " + r.body());
        } else if (!json.readTree(r.body()).path("infcode").isInt()) {
            failures.add(where + ": not the national envelope: " + r.body());
        } else if (JAVA_INTERNALS.matcher(r.body()).find()) {
            failures.add(where + ": the answer names Java internals: " + r.body());
        } else if (!valid && json.readTree(r.body()).path("infcode").asInt() == 0 && !violations.equals("[]")) {
            failures.add(where + ": a request the document forbids was answered with success: " + violations
                    + "\n    request: " + body);
        }
        return r;
    }

    private Op operation(String path, String method) throws Exception {
        return operations(new SchemaFuzzer(NodeTools.OPENAPI, SEED)).stream()
                .filter(o -> o.path().equals(path) && o.method().equals(method)).findFirst().orElseThrow();
    }

    static List<Op> operations(SchemaFuzzer fuzzer) {
        List<Op> ops = new ArrayList<>();
        fuzzer.document().path("paths").properties().forEach(p -> p.getValue().properties().forEach(m -> {
            JsonNode schema = m.getValue().path("requestBody").path("content").path("application/json").get("schema");
            Set<String> statuses = new TreeSet<>();
            m.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
            ops.add(new Op(p.getKey(), m.getKey(), schema, statuses));
        }));
        return ops;
    }

    private void writeReport(int total) throws Exception {
        StringBuilder report = new StringBuilder("Prism-judged requests: " + total + " (seed " + SEED + ")\n");
        perOperation.forEach((op, c) -> report.append(String.format("%-22s valid %4d, wrong %4d%n", op, c[0], c[1])));
        report.append("failures: ").append(failures.size()).append('\n');
        failures.forEach(f -> report.append("- ").append(f).append('\n'));
        Files.createDirectories(OUT);
        Files.writeString(OUT.resolve("fuzz-report.txt"), report.toString(), StandardCharsets.UTF_8);
        System.out.println(report.substring(0, Math.min(report.length(), 6000)));
    }
}
