package cn.yibao.simulator.host;

import cn.yibao.card.crypto.Algorithm;
import cn.yibao.hostlink.net.EventLoops;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.saf.Endpoint;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.hostlink.saf.InMemoryJournal;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import cn.yibao.hostlink.saf.ForwardSettings;
import cn.yibao.hostlink.saf.StoreAndForward;
import javax.net.ssl.SSLException;

/**
 * An enrolled virtual terminal (tests, load generator, benchmarks): credentials, a record signer,
 * an in-memory journal, and real settlements ({@link SimulatedSales}: the engine's split, the
 * card's TAC under the simulated issuer's keys) by a few virtual cards of its own. Every
 * {@value #CASH_EVERY}th sale is paid in cash (no card proof).
 */
public final class VirtualTerminal {

    /** Client event loops shared by all virtual terminals of the JVM. */
    public static final EventLoopGroup GROUP = EventLoops.nio(2);

    final String id;
    final TerminalCredentials creds;
    final RecordSigner signer;
    final InMemoryJournal journal = new InMemoryJournal();
    /** The journal as store-and-forward uploads it, with the acknowledgement latencies. */
    public final AckTimes uploads = new AckTimes(journal);
    /** Every this many sales one is paid in cash. */
    public static final int CASH_EVERY = 5;
    private static final int CARDS = 16;
    private final SimulatedSales.Card[] cards = new SimulatedSales.Card[CARDS];
    private final String psamTerminalId;
    private int n;

    /** Enrols terminal {@code id} with {@code host}, keeping its keys under {@code dir}. */
    public VirtualTerminal(HostSimulator host, Path dir, String id) throws Exception {
        this.id = id;
        Path t = dir.resolve("terminal-" + id);
        TerminalCredentials.request(t, id);
        host.enrol(t, id);
        this.creds = TerminalCredentials.load(t);
        this.signer = new RecordSigner(id, creds.signingKey(), 0, null);
        int tag = id.hashCode();
        for (int i = 0; i < CARDS; i++) {
            cards[i] = new SimulatedSales.Card(java.nio.ByteBuffer.allocate(8).putInt(tag).putInt(i).array(),
                    i % 2 == 0 ? Algorithm.SM4 : Algorithm.TDES, 100_000_000L);
        }
        this.psamTerminalId = String.format("%012d", Integer.toUnsignedLong(tag) % 1_000_000_000_000L);
    }

    /** Signs the next settlement (not added to the journal). */
    public UploadedRecord sign(long totalFen) {
        n++;
        return SimulatedSales.sale(signer, id + "M" + n, card(n), psamTerminalId, n, totalFen, n % CASH_EVERY == 0,
                Instant.now());
    }

    /** @return the card paying sale number {@code sale} (1, 2, …) */
    public SimulatedSales.Card card(int sale) {
        return cards[sale % CARDS];
    }

    /** Signs the next settlement and appends it to the journal. */
    public UploadedRecord settle(long totalFen) {
        UploadedRecord r = sign(totalFen);
        journal.append(r);
        return r;
    }

    /** Connects to {@code localhost:port} and signs in. */
    public HostSession session(int port) throws HostUnavailableException, SSLException {
        return session(port, 1);
    }

    /** Connects to {@code localhost:port} and signs in asking for {@code uploadsInFlight} uploads in flight. */
    public HostSession session(int port, int uploadsInFlight) throws HostUnavailableException, SSLException {
        return HostSession.open(GROUP, "localhost", port, creds.clientContext(), "H" + id.replace("-", ""),
                "OP1", Duration.ofSeconds(30), Duration.ofSeconds(10), Json::object, uploadsInFlight);
    }

    /** Uploads {@code records} (8001) on {@code s}. */
    public static Response upload(HostSession s, List<UploadedRecord> records) throws HostUnavailableException {
        return s.call(uploadRequest(s, records));
    }

    /** @return the upload (8001) of {@code records} on {@code s}, to send */
    public static Request uploadRequest(HostSession s, List<UploadedRecord> records) {
        ArrayNode arr = Json.object().arrayNode();
        records.forEach(r -> arr.add(r.toJson()));
        ObjectNode in = Json.object().put("journal_head", records.get(records.size() - 1).record().seq());
        in.set("records", arr);
        return s.request(Infno.UPLOAD, in);
    }

    /** Starts store-and-forward of this terminal's journal to {@code host:port}. */
    public StoreAndForward storeAndForward(String host, int port, int batch, Duration callTimeout) throws SSLException {
        return storeAndForward(List.of(new Endpoint(host, port)), batch, callTimeout);
    }

    /** Starts store-and-forward of this terminal's journal to the first of {@code hosts} that answers (fail-over). */
    public StoreAndForward storeAndForward(List<Endpoint> hosts, int batch, Duration callTimeout) throws SSLException {
        return storeAndForward(hosts, batch, ForwardSettings.UPLOADS_IN_FLIGHT, callTimeout);
    }

    /** The same, with up to {@code inFlight} uploads sent before the first one's answer (as the host allows). */
    public StoreAndForward storeAndForward(List<Endpoint> hosts, int batch, int inFlight, Duration callTimeout)
            throws SSLException {
        ForwardSettings s = new ForwardSettings(hosts, "H" + id.replace("-", ""), "OP1", batch,
                Duration.ofSeconds(30), callTimeout, Duration.ofMillis(20), Duration.ofMillis(500), inFlight);
        StoreAndForward saf = new StoreAndForward(s, creds.clientContext(), uploads, GROUP, new java.util.Random());
        saf.start();
        return saf;
    }

    /** @return the terminal id */
    public String id() {
        return id;
    }

    /** @return the journal */
    public InMemoryJournal journal() {
        return journal;
    }
}
