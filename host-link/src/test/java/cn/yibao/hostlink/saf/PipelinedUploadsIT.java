package cn.yibao.hostlink.saf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.net.EventLoops;
import cn.yibao.hostlink.net.HostConnection;
import cn.yibao.hostlink.net.HostServer;
import cn.yibao.hostlink.net.Peer;
import cn.yibao.hostlink.net.RequestHandler;
import cn.yibao.hostlink.record.RecordSigner;
import cn.yibao.hostlink.record.TestSettlements;
import cn.yibao.hostlink.tls.HostCredentials;
import cn.yibao.hostlink.tls.TerminalCredentials;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Store-and-forward sends its next upload before the last one's answer only as far as the host's
 * sign-in allows ({@code uploads_in_flight}); a host that does not say gets one at a time. A host
 * here counts, on the wire, the uploads sent and not yet answered.
 */
class PipelinedUploadsIT {

    private static final int RECORDS = 6;

    @TempDir
    static Path dir;
    static HostCredentials host;
    static TerminalCredentials terminal;
    static EventLoopGroup group;

    @BeforeAll
    static void credentials() throws Exception {
        host = HostCredentials.loadOrCreate(dir.resolve("host"), List.of("localhost", "127.0.0.1"));
        TerminalCredentials.request(dir.resolve("T1"), "T1");
        TerminalCredentials.issue(host.ca(), dir.resolve("T1"), "T1");
        terminal = TerminalCredentials.load(dir.resolve("T1"));
        group = EventLoops.nio(1);
    }

    @AfterAll
    static void stop() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aHostThatDoesNotSayGetsOneUploadAtATime() throws Exception {
        assertEquals(1, drain(0, 2), "an old host: one upload at a time");
    }

    @Test
    void uploadsArePipelinedAsFarAsTheHostAllows() throws Exception {
        assertEquals(2, drain(2, 2));
        assertEquals(2, drain(2, 4), "the host allows two");
        assertEquals(1, drain(4, 1), "the terminal asks for one");
    }

    /**
     * The host writes the answers in the order the requests came, even when a later one's answer is
     * ready first; and it hands a request over before the last one's answer only where the
     * handler's window lets it.
     */
    @Test
    void answersAreWrittenInArrivalOrder() throws Exception {
        CompletableFuture<Void> secondHanded = new CompletableFuture<>();
        RequestHandler h = new RequestHandler() {
            @Override
            public Response handle(Peer peer, Request req) {
                return Response.ok(req, Json.object());
            }

            @Override
            public int window(Peer peer, Request req) {
                return 2;
            }

            @Override
            public CompletableFuture<Response> handleAsync(Peer peer, Request req) {
                if (req.msgid().endsWith("2")) {
                    secondHanded.complete(null);
                    return CompletableFuture.completedFuture(handle(peer, req));
                }
                return secondHanded.thenApply(x -> handle(peer, req)); // ready only after the second
            }
        };
        List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (HostServer server = HostServer.start("127.0.0.1", 0, host.serverContext(), h, null, 2,
                Duration.ofSeconds(30));
             HostConnection c = HostConnection.connect(group, "localhost", server.port(), terminal.clientContext(),
                     Duration.ofSeconds(30), null).get(20, TimeUnit.SECONDS)) {
            CompletableFuture<?>[] answers = new CompletableFuture<?>[2];
            for (int i = 1; i <= 2; i++) {
                Request r = Request.of(Infno.UPLOAD, "ORDER" + i, "H1", "OP1", "", Json.object());
                answers[i - 1] = c.call(r, Duration.ofSeconds(20)).thenAccept(a -> order.add(a.infRefmsgid()));
            }
            CompletableFuture.allOf(answers).get(30, TimeUnit.SECONDS);
        }
        assertEquals(List.of("ORDER1", "ORDER2"), order);
    }

    /**
     * Drains {@value #RECORDS} records, one an upload, to a host that allows {@code allowed}
     * uploads in flight (0: says nothing) and holds each upload's answer until the next upload has
     * arrived, when the terminal may send it. @return the most uploads that were in flight at once
     */
    private static int drain(int allowed, int asked) throws Exception {
        InMemoryJournal journal = new InMemoryJournal();
        RecordSigner signer = new RecordSigner("T1", terminal.signingKey(), 0, null);
        for (int i = 1; i <= RECORDS; i++) {
            journal.append(TestSettlements.next(signer, "M" + i, String.format("%016X", i), i, 1000 + i, false,
                    Instant.now()));
        }
        Pipelining h = new Pipelining(allowed, Math.min(Math.max(allowed, 1), asked));
        try (HostServer server = HostServer.start("127.0.0.1", 0, host.serverContext(), h, h::spy, 2,
                Duration.ofSeconds(30))) {
            ForwardSettings s = new ForwardSettings("localhost", server.port(), "H1", "OP1", 1,
                    Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofMillis(20), Duration.ofMillis(500))
                    .withUploadsInFlight(asked);
            try (StoreAndForward saf = new StoreAndForward(s, terminal.clientContext(), journal, group, new Random(1))) {
                saf.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (journal.ackedSeq() < RECORDS) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("acknowledged " + journal.ackedSeq() + " of " + RECORDS);
                    }
                    LockSupport.parkNanos(5_000_000);
                }
            }
        }
        return h.most.get();
    }

    /** A host that signs in, acknowledges uploads, and counts those in flight on the wire. */
    private static final class Pipelining implements RequestHandler {
        final int allowed;
        /** How many uploads the terminal will have in flight: an answer waits until that many arrived. */
        final int expected;
        final Set<String> uploads = ConcurrentHashMap.newKeySet();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final Map<Long, CompletableFuture<Void>> arrived = new ConcurrentHashMap<>();

        Pipelining(int allowed, int expected) {
            this.allowed = allowed;
            this.expected = expected;
        }

        @Override
        public Response handle(Peer peer, Request req) {
            ObjectNode out = Json.object().put("sign_no", "S1");
            if (allowed > 0) {
                out.put("uploads_in_flight", allowed);
            }
            return Response.ok(req, out);
        }

        @Override
        public int window(Peer peer, Request req) {
            return Infno.UPLOAD.code().equals(req.infno()) ? Math.max(allowed, 1) : 1;
        }

        @Override
        public CompletableFuture<Response> handleAsync(Peer peer, Request req) {
            if (!Infno.UPLOAD.code().equals(req.infno())) {
                return CompletableFuture.completedFuture(handle(peer, req));
            }
            long seq = req.input().path("records").get(0).path("seq").asLong();
            // answered once the uploads the terminal may send after it arrived (or it is the last)
            long waitFor = Math.min(seq + expected - 1, RECORDS);
            return arrivedFuture(waitFor).thenApply(x -> Response.ok(req, Json.object().put("ack_seq", seq)
                    .put("accepted", 1).put("duplicates", 0)));
        }

        CompletableFuture<Void> arrivedFuture(long seq) {
            return arrived.computeIfAbsent(seq, k -> new CompletableFuture<>());
        }

        void spy(long connection, io.netty.channel.ChannelPipeline p) {
            p.addBefore(HostServer.DISPATCH, "spy", new ChannelDuplexHandler() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
                    if (msg instanceof Request r && Infno.UPLOAD.code().equals(r.infno())) {
                        uploads.add(r.msgid());
                        most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        arrivedFuture(r.input().path("records").get(0).path("seq").asLong()).complete(null);
                    }
                    super.channelRead(ctx, msg);
                }

                @Override
                public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
                    if (msg instanceof Response r && uploads.remove(r.infRefmsgid())) {
                        inFlight.decrementAndGet();
                    }
                    super.write(ctx, msg, promise);
                }
            });
        }
    }
}
