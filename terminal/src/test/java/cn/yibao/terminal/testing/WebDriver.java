package cn.yibao.terminal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * A small W3C WebDriver client over java.net.http for headless Chromium: starts
 * {@code chromedriver --port=<free>} and a Chromium session with a fresh profile, and offers what
 * console tests need (navigate, find, click, type, read, run a script, screenshot). Every wait polls
 * with a deadline; nothing sleeps.
 */
public final class WebDriver implements AutoCloseable {

    /** WebDriver key codes. */
    public static final String ENTER = "\uE007";
    public static final String F3 = "\uE033";
    public static final String F4 = "\uE034";
    public static final String F5 = "\uE035";
    public static final String F8 = "\uE038";
    public static final String F10 = "\uE03A";

    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final List<String> CHROMIUM_ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
            "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-dev-shm-usage", "--window-size=1366,1000", "--lang=zh-CN");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final URI base;
    private String session;

    private WebDriver(Process driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    /**
     * Starts chromedriver and a headless Chromium session.
     *
     * @param workDir where the browser profile and the driver's log go (made fresh)
     */
    public static WebDriver startChromium(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        int port = freePort();
        Process p = new ProcessBuilder("chromedriver", "--port=" + port, "--log-path=" + workDir.resolve("chromedriver.log"))
                .redirectErrorStream(true).redirectOutput(workDir.resolve("chromedriver.out").toFile()).start();
        WebDriver wd = new WebDriver(p, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            Await.until(DEADLINE, wd::ready, () -> "chromedriver ready on port " + port + " (alive " + p.isAlive() + ")");
            wd.session = wd.newSession(Files.createTempDirectory(workDir, "profile-"));
        } catch (RuntimeException | Error e) {
            wd.close();
            throw e;
        }
        return wd;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private boolean ready() {
        if (!driver.isAlive()) {
            throw new IllegalStateException("chromedriver exited with " + driver.exitValue());
        }
        try {
            return send("GET", "status", null).path("value").path("ready").asBoolean();
        } catch (UncheckedIOException notYet) {
            return false;
        }
    }

    private String newSession(Path profile) {
        ObjectNode options = json.createObjectNode();
        options.put("binary", "/usr/bin/chromium");
        ArrayNode args = options.putArray("args");
        CHROMIUM_ARGS.forEach(args::add);
        args.add("--user-data-dir=" + profile);
        ObjectNode caps = json.createObjectNode();
        caps.putObject("capabilities").putObject("alwaysMatch").put("browserName", "chrome")
                .set("goog:chromeOptions", options);
        JsonNode value = send("POST", "session", caps).path("value");
        String id = value.path("sessionId").asText(null);
        if (id == null) {
            throw new IllegalStateException("no WebDriver session: " + value);
        }
        return id;
    }

    /** Navigates to {@code url} and waits for the page to load. */
    public void open(URI url) {
        command("POST", "url", json.createObjectNode().put("url", url.toString()));
    }

    /** @return the ID of the element {@code css} selects, waiting until it exists */
    public String find(String css) {
        String[] found = new String[1];
        Await.until(DEADLINE, () -> (found[0] = tryFind(css)) != null, () -> "element " + css);
        return found[0];
    }

    private String tryFind(String css) {
        ObjectNode q = json.createObjectNode().put("using", "css selector").put("value", css);
        JsonNode value = send("POST", "session/" + session + "/element", q).path("value");
        return value.has(ELEMENT) ? value.get(ELEMENT).asText() : null;
    }

    public void click(String css) {
        command("POST", "element/" + find(css) + "/click", json.createObjectNode());
    }

    /** Types {@code keys} (text or the key constants) into the element {@code css} selects. */
    public void type(String css, String keys) {
        command("POST", "element/" + find(css) + "/value", json.createObjectNode().put("text", keys));
    }

    /** @return the element's rendered text */
    public String text(String css) {
        return command("GET", "element/" + find(css) + "/text", null).asText();
    }

    /** @return the result of a synchronous script */
    public JsonNode script(String js, Object... args) {
        ObjectNode body = json.createObjectNode().put("script", js);
        body.set("args", json.valueToTree(args));
        return command("POST", "execute/sync", body);
    }

    /** Waits until the script (an expression's body, e.g. {@code return x > 1}) returns true. */
    public void waitFor(String js, String what) {
        Await.until(DEADLINE, () -> script(js).asBoolean(), () -> what + "; page says: " + pageMessage());
    }

    private String pageMessage() {
        try {
            return script("return document.getElementById('message')?.textContent || ''").asText();
        } catch (RuntimeException e) {
            return e.toString();
        }
    }

    /** Resizes the browser window to {@code width} × {@code height} CSS pixels (screenshots at a till's sizes). */
    public void windowSize(int width, int height) {
        command("POST", "window/rect", json.createObjectNode().put("width", width).put("height", height));
    }

    /**
     * Sets the browser's viewport (the page's inner size) to {@code width} × {@code height} CSS pixels,
     * as a screen of that resolution would show the page.
     */
    public void viewport(int width, int height) {
        for (int i = 0; i < 2; i++) {
            JsonNode inner = script("return [window.innerWidth, window.innerHeight]");
            JsonNode outer = command("GET", "window/rect", null);
            int w = outer.path("width").asInt() + width - inner.get(0).asInt();
            int h = outer.path("height").asInt() + height - inner.get(1).asInt();
            command("POST", "window/rect", json.createObjectNode().put("width", w).put("height", h));
        }
    }

    /** @return a PNG of the viewport */
    public byte[] screenshot() {
        return Base64.getDecoder().decode(command("GET", "screenshot", null).asText());
    }

    private JsonNode command(String method, String path, JsonNode body) {
        JsonNode answer = send(method, "session/" + session + "/" + path, body);
        JsonNode value = answer.path("value");
        if (value.has("error")) {
            throw new IllegalStateException("WebDriver " + path + ": " + value.path("error").asText() + ": "
                    + value.path("message").asText());
        }
        return value;
    }

    private JsonNode send(String method, String path, JsonNode body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString());
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json; charset=utf-8").method(method, publisher).build();
        try {
            return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the session (the browser exits) and stops chromedriver. */
    @Override
    public void close() {
        try {
            if (session != null && driver.isAlive()) {
                send("DELETE", "session/" + session, null);
            }
        } catch (RuntimeException ignored) {
            // the driver is being torn down anyway
        } finally {
            driver.destroy();
            try {
                if (!driver.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            } catch (InterruptedException e) {
                driver.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
