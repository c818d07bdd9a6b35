package cn.yibao.simulator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.terminal.cli.Cli;
import cn.yibao.terminal.cli.ExitCodes;
import cn.yibao.terminal.http.NodeTools;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar simulator.jar sandbox} as an integrator runs it: it prints the HIS API's URL, a
 * console login link and the token file (never the token), answers with the stored token, lets
 * {@code simulator card remove|insert} (another JVM's command line, over the data directory's control
 * socket) switch the card on its reader, stops on SIGTERM, and keeps its state for the next start.
 */
class SandboxCommandIT {

    /** The whole announcement, up to its last line ({@code counter:}), so that the test reads it complete. */
    private static final Pattern ANNOUNCED = Pattern.compile(
            "HIS API:  http://127\\.0\\.0\\.1:(\\d+)/api/\\{infno}\\s+console:  http://127\\.0\\.0\\.1:\\d+/console/login\\?ticket=\\S+"
                    + "[\\s\\S]*?\\ncounter:  .*\\n");

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void theSandboxServesTheLiveCounterAndCardInsertRemoveSwitchItsCard() throws Exception {
        String balance;
        try (NodeTools.Proc sandbox = start()) {
            Matcher m = sandbox.await(ANNOUNCED, Duration.ofSeconds(90));
            String out = sandbox.output();
            assertTrue(out.contains("token:    " + home.resolve("terminal").resolve("api-token")), out);
            assertTrue(out.contains("counter:  sandbox: the live counter on simulated parts"), out);
            Path tokenFile = home.resolve("terminal").resolve("api-token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            String token = Files.readString(tokenFile).trim();
            assertFalse(out.contains(token), "the token itself is never printed");
            URI base = URI.create("http://127.0.0.1:" + m.group(1) + "/");

            HttpResponse<String> status = http.send(HttpRequest.newBuilder(base.resolve("api/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), status.body());
            JsonNode person = post(base, token, "1101");
            assertEquals("张伟", person.path("output").path("baseinfo").path("psn_name").asText(), person.toString());
            balance = person.path("output").path("insuinfo").toString();

            assertEquals("removed employee", card("remove"));
            assertEquals("NO_CARD", post(base, token, "1101").path("err_code").asText());
            assertTrue(card("insert", "lost").startsWith("inserted lost"));
            assertEquals("孙丽", post(base, token, "1101").path("output").path("baseinfo").path("psn_name").asText());
            assertTrue(card("insert", "employee").startsWith("inserted employee"));

            sandbox.process.destroy(); // SIGTERM
            assertTrue(sandbox.process.waitFor(30, TimeUnit.SECONDS), "the sandbox stops on SIGTERM");
        }
        assertFalse(Files.exists(home.resolve("simulator").resolve("card-reader.sock")), "the control socket is removed");
        try (NodeTools.Proc again = start()) {
            Matcher m = again.await(ANNOUNCED, Duration.ofSeconds(90));
            String token = Files.readString(home.resolve("terminal").resolve("api-token")).trim();
            JsonNode person = post(URI.create("http://127.0.0.1:" + m.group(1) + "/"), token, "1101");
            assertEquals(balance, person.path("output").path("insuinfo").toString(), "starts again on its own state");
        }
    }

    private NodeTools.Proc start() throws Exception {
        Path jar = Path.of("target", "simulator.jar").toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), jar + " is built by the package phase");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new NodeTools.Proc(List.of(java, "-jar", jar.toString(), "sandbox", "--port", "0", "--wait", "1",
                "--home", home.toString()), home.resolve("sandbox-" + System.nanoTime() + ".log"));
    }

    private JsonNode post(URI base, String token, String infno) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(base.resolve("api/" + infno)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"infno\": \"" + infno + "\", \"msgid\": \"m" + System.nanoTime() + "\", \"input\": {}}"))
                .build();
        return Json.parse(http.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Runs {@code simulator card ARGS --data-dir home/simulator}; @return what it printed */
    private String card(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "card";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--data-dir";
        all[args.length + 2] = home.resolve("simulator").toString();
        int exit = Cli.commandLine(new SimulatorMain()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(all);
        assertEquals(ExitCodes.OK, exit, err.toString());
        return out.toString().trim();
    }
}
