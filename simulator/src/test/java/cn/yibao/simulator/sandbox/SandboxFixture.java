package cn.yibao.simulator.sandbox;

import cn.yibao.card.Money;
import cn.yibao.simulator.card.VirtualCard;
import cn.yibao.terminal.counter.live.RuntimeOptions;
import cn.yibao.terminal.http.ApiServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The sandbox (the live counter on simulated parts) in a temp directory on a free port, with the
 * employee's card on the reader, a fixed clock and a known API token: what the HTTP API's and the
 * console's tests drive.
 */
final class SandboxFixture implements AutoCloseable {

    /** 2026-11-23 10:30:00 in China. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T02:30:00Z"), ZoneId.of("Asia/Shanghai"));
    static final String TOKEN = "test-token-0123456789abcdefghijklmnopqrstuv";
    /** The persona on the reader at start: 张伟, employee in service, account 1,500.00, PIN 123456. */
    static final String EMPLOYEE = "employee";
    /** The employee's person number as the live counter derives it from the card (region + SHA-256 of the SSN). */
    static final String EMPLOYEE_PSN_NO = "22010084E9482953A4F2A1";
    /** A 2102 input without its closing brace: two packs of a class B drug and one of class C; add a PIN or close it. */
    static final String SALE_OPEN = """
            {"druginfo": {"psn_no": "%s"},
             "drugdetail": [
               {"feedetl_sn": "1", "med_list_codg": "6901234500048", "cnt": 2},
               {"feedetl_sn": "2", "med_list_codg": "6901234500062", "cnt": 1}]""";

    final Sandbox sandbox;
    final ApiServer server;
    final ApiClient client;
    final Path home;

    SandboxFixture(Path home) throws IOException {
        this(home, SandboxSettings.under(home).withClock(CLOCK).withCardWait(Duration.ofSeconds(1)));
    }

    SandboxFixture(Path home, SandboxSettings settings) throws IOException {
        this.home = home;
        writeToken(settings.terminalDir());
        sandbox = Sandbox.start(settings, RuntimeOptions.defaults());
        server = sandbox.server();
        client = new ApiClient(server.baseUri(), TOKEN);
    }

    private static void writeToken(Path terminalDir) throws IOException {
        Path file = Files.createDirectories(terminalDir).resolve("api-token");
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, TOKEN + "\n", StandardCharsets.US_ASCII);
        }
    }

    /** Puts {@code persona}'s card on the reader, as {@code simulator card insert} does. */
    void insert(String persona) {
        String answer = sandbox.slot().handle("insert " + persona);
        if (!answer.startsWith("ok ")) {
            throw new IllegalStateException(answer);
        }
    }

    /** @return the account balance on the card now on the reader */
    Money balance() {
        return ((VirtualCard) sandbox.card().orElseThrow()).snapshot().balance();
    }

    /** Waits until the host acknowledged every record in the journal (a cancellation needs it). */
    void awaitUploaded() {
        long head = sandbox.runtime().journal().records().head().nextSeq() - 1;
        if (!sandbox.hostLink().awaitAcknowledged(head, Duration.ofSeconds(30))) {
            throw new IllegalStateException("the host did not acknowledge record #" + head);
        }
    }

    /** @return the person number the live counter gives the card on the reader (1101) */
    String psnNo() {
        return client.call("1101", "{}").output().path("baseinfo").path("psn_no").asText();
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
