package cn.yibao.terminal.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.terminal.testing.Await;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code terminal serve --demo} starts the API and the console, prints the URLs, and stops on interrupt. */
class ServeCommandIT {

    @Test
    void serveDemoPrintsTheUrlsAndAnswersWithTheStoredToken(@TempDir Path tmp) throws Exception {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setOut(new PrintWriter(out, true));
        int[] exit = {-1};
        Thread serving = new Thread(() -> exit[0] = cl.execute("serve", "--demo", "--port", "0",
                "--data-dir", tmp.toString()), "serve");
        serving.start();
        try {
            Await.until(Duration.ofSeconds(30), () -> out.toString().contains("console:") || !serving.isAlive(),
                    out::toString);
            Matcher m = Pattern.compile("console:  (http://127\\.0\\.0\\.1:(\\d+)/console/login\\?ticket=(\\S+))")
                    .matcher(out.toString());
            assertTrue(m.find(), out.toString());
            Path tokenFile = tmp.resolve("api-token");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile)));
            String token = Files.readString(tokenFile).trim();
            assertFalse(out.toString().contains(token), "the token itself is never printed by serve");

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + m.group(2) + "/api/status"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode(), status.body());
            assertTrue(status.body().contains("\"infcode\":0"), status.body());
        } finally {
            serving.interrupt();
            serving.join(Duration.ofSeconds(20).toMillis());
        }
        assertFalse(serving.isAlive(), "serve stops when interrupted");
    }

    @Test
    void liveServeChecksItsReaderOptions(@TempDir Path tmp) {
        StringWriter err = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.USAGE, cl.execute("serve", "--data-dir", tmp.toString(), "--wait", "0"));
        assertTrue(err.toString().contains("--wait"), err.toString());
    }

    @Test
    void apiTokenPrintsTheSameTokenEveryTime(@TempDir Path tmp) {
        String first = token(tmp);
        assertEquals(first, token(tmp));
        assertTrue(first.matches("[A-Za-z0-9_-]{43}"), first);
    }

    private static String token(Path dir) {
        StringWriter out = new StringWriter();
        CommandLine cl = Cli.commandLine(new TerminalMain());
        cl.setOut(new PrintWriter(out, true));
        assertEquals(ExitCodes.OK, cl.execute("api-token", "--data-dir", dir.toString()));
        assertTrue(out.toString().contains("console login: http://127.0.0.1:8620/console/login?ticket="), out.toString());
        return out.toString().lines().findFirst().orElseThrow();
    }
}
