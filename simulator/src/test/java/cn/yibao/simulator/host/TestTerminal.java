package cn.yibao.simulator.host;

import cn.yibao.hostlink.net.EventLoops;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.UploadedRecord;
import cn.yibao.hostlink.record.stub.SampleSettlements;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.hostlink.saf.HostUnavailableException;
import cn.yibao.hostlink.saf.InMemoryJournal;
import cn.yibao.hostlink.tls.TerminalCredentials;
import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Response;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** An enrolled virtual terminal for tests: credentials, a record signer and an in-memory journal. */
final class TestTerminal implements AutoCloseable {

    static final EventLoopGroup GROUP = EventLoops.nio(2);

    final String id;
    final TerminalCredentials creds;
    final RecordSigner signer;
    final InMemoryJournal journal = new InMemoryJournal();
    private final byte[] issuerKey;
    private int n;

    TestTerminal(HostSimulator host, Path dir, String id) throws Exception {
        this.id = id;
        Path t = dir.resolve("terminal-" + id);
        TerminalCredentials.request(t, id);
        host.enrol(t, id);
        this.creds = TerminalCredentials.load(t);
        this.signer = new RecordSigner(id, creds.signingKey(), 0, null);
        this.issuerKey = host.issuerKey();
    }

    /** Signs the next settlement (not added to the journal). */
    UploadedRecord sign(long totalFen) {
        n++;
        return SampleSettlements.next(signer, id, issuerKey, id + "M" + n, "C" + id.replaceAll("[^0-9A-Z]", "") + n,
                n, totalFen, Instant.now());
    }

    /** Signs the next settlement and appends it to the journal. */
    UploadedRecord settle(long totalFen) {
        UploadedRecord r = sign(totalFen);
        journal.append(r);
        return r;
    }

    HostSession session(HostSimulator host) throws HostUnavailableException, javax.net.ssl.SSLException {
        return HostSession.open(GROUP, "localhost", host.port(), creds.clientContext(), "H" + id.replace("-", ""),
                "OP1", Duration.ofSeconds(30), Duration.ofSeconds(10), Json::object);
    }

    /** Uploads {@code records} (8001) on {@code s}. */
    static Response upload(HostSession s, List<UploadedRecord> records) throws HostUnavailableException {
        ArrayNode arr = Json.object().arrayNode();
        records.forEach(r -> arr.add(r.toJson()));
        ObjectNode in = Json.object().put("journal_head", records.get(records.size() - 1).record().seq());
        in.set("records", arr);
        return s.call(Infno.UPLOAD, in);
    }

    @Override
    public void close() {
        // the shared event loop group lives for the test JVM
    }

    static void shutdown() {
        GROUP.shutdownGracefully(0, 1, TimeUnit.SECONDS);
    }
}
