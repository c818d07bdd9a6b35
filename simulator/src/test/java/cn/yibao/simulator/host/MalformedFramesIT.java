package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.saf.HostSession;
import cn.yibao.terminal.testing.Await;
import io.netty.bootstrap.Bootstrap;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 101,000 random and malformed frames, 99,000 of them inside authenticated mutual-TLS
 * connections: 1,000 connections each send 98 frames whose envelope is valid but whose content is
 * bad (each refused with its own code, the connection kept, as the protocol says) and then one
 * frame the decoders refuse (bad length, not JSON, not an envelope, too deep: MALFORMED_FRAME and
 * the close). 2,000 more are the first bytes of unauthenticated TCP connections (refused by the
 * TLS layer). Every bad connection is closed, a well-behaved terminal is served throughout, and
 * the heap stays flat.
 */
class MalformedFramesIT extends LoopbackHost {

    static final int RAW = Integer.getInteger("malformed.raw", 2_000);
    static final int CONNECTIONS = Integer.getInteger("malformed.connections", 1_000);
    static final int SOFT = 98;
    static final int LANES = 4;


    /** A random bad frame: oversized or negative length, random bytes, non-JSON, JSON without envelope, deep nesting. */
    static byte[] badFrame(Random r) {
        byte[] body;
        switch (r.nextInt(6)) {
            case 0 -> {
                return Unpooled.buffer().writeInt((1 << 20) + 1 + r.nextInt(1000)).writeLong(r.nextLong()).array().clone();
            }
            case 1 -> {
                return Unpooled.buffer(8).writeInt(-1 - r.nextInt(1000)).writeInt(r.nextInt()).array().clone();
            }
            case 2 -> {
                body = new byte[1 + r.nextInt(200)];
                r.nextBytes(body);
            }
            case 3 -> body = "{\"infno\":\"9001\",\"msgid\":".getBytes(StandardCharsets.UTF_8);
            case 4 -> body = "{\"infno\":\"9001\",\"msgid\":\"M1\"}".getBytes(StandardCharsets.UTF_8);
            default -> body = ("[".repeat(100) + "]".repeat(100)).getBytes(StandardCharsets.UTF_8);
        }
        ByteBuf b = Unpooled.buffer(4 + body.length).writeInt(body.length).writeBytes(body);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    private static long usedHeapAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Sends one bad frame on a plain TCP connection and reads until the host closes it. */
    private static boolean rawClosed(int port, byte[] frame) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.setSoLinger(true, 0);
            OutputStream out = s.getOutputStream();
            try {
                out.write(frame);
                out.flush();
                // a sender that is done: the host must not wait for the rest of a TLS record
                s.shutdownOutput();
            } catch (IOException e) {
                return true;
            }
            InputStream in = s.getInputStream();
            byte[] buf = new byte[512];
            try {
                while (in.read(buf) >= 0) {
                    // drain the alert, if any, until end of stream
                }
            } catch (java.net.SocketException reset) {
                return true;
            }
            return true;
        }
    }

    /** Sends one bad frame inside an authenticated TLS connection; completes with what the host sent back. */
    private static CompletableFuture<String> tlsBad(SslContext ssl, int port, byte[] frame) {
        CompletableFuture<String> got = new CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        new Bootstrap().group(VirtualTerminal.GROUP).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = ssl.newHandler(ch.alloc(), "localhost", port);
                        ch.pipeline().addLast(tls, new SimpleChannelInboundHandler<ByteBuf>() {
                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                text.append(msg.toString(StandardCharsets.UTF_8));
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                got.complete(text.toString());
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                        tls.handshakeFuture().addListener(f -> {
                            if (f.isSuccess()) {
                                ch.writeAndFlush(Unpooled.wrappedBuffer(frame));
                            }
                        });
                    }
                }).connect("127.0.0.1", port);
        return got;
    }

    @Test
    void everyKindOfBadFrameGetsAnErrorFrameThenClose() throws Exception {
        VirtualTerminal evil = new VirtualTerminal(host, dir, "MF-KINDS");
        SslContext tls = evil.creds.clientContext();
        for (int kind = 0; kind < 6; kind++) {
            int k = kind;
            Random fixed = new Random() {
                private static final long serialVersionUID = 1L;

                @Override
                public int nextInt(int bound) {
                    return bound == 6 ? k : super.nextInt(bound);
                }
            };
            String answer = tlsBad(tls, host.port(), badFrame(fixed)).get(20, TimeUnit.SECONDS);
            assertTrue(answer.contains("MALFORMED_FRAME"), "kind " + kind + ": " + answer);
        }
    }

    /**
     * A frame with a valid envelope but bad content: an unknown infno, an upload whose records are
     * junk or not a list, reconciliation dates that are not dates, an over-long settlement id, an
     * empty reversal key, a stale sign_no. The protocol answers each with a refusal and keeps the
     * connection open.
     */
    static byte[] softBadFrame(Random r, String msgid, String signNo) {
        ObjectNode in = Json.object();
        Request req = switch (r.nextInt(6)) {
            case 0 -> new Request("7" + (100 + r.nextInt(900)), msgid, "V1.0", "1", "OP1", "2026-11-23 12:00:00", "H1",
                    signNo, in);
            case 1 -> {
                ArrayNode junk = in.putArray("records");
                junk.add(r.nextLong()).add(Long.toString(r.nextLong(), 36)).addObject().put("seq", r.nextInt())
                        .put("card_no", "X").putArray("card_proof").add(r.nextInt());
                yield Request.of(Infno.UPLOAD, msgid, "H1", "OP1", signNo, in);
            }
            case 2 -> Request.of(Infno.UPLOAD, msgid, "H1", "OP1", signNo, in.put("records", "r" + r.nextInt()));
            case 3 -> Request.of(Infno.RECON_TOTALS, msgid, "H1", "OP1", signNo, in.put("stmt_begndate", "d" + r.nextInt())
                    .put("stmt_enddate", "2026-13-45").put("medfee_sumamt", "x").put("fixmedins_setl_cnt", "y"));
            case 4 -> Request.of(Infno.CANCEL, msgid, "H1", "OP1", signNo, in.put("setl_id", "S".repeat(61 + r.nextInt(50))));
            default -> r.nextBoolean()
                    ? Request.of(Infno.REVERSAL, msgid, "H1", "OP1", signNo, in.put("omsgid", "").put("oinfno", "2207"))
                    : Request.of(Infno.HEARTBEAT, msgid, "H1", "OP1", "stale" + r.nextInt(1000), in);
        };
        return framed(Json.bytes(req.toJson()));
    }

    private static byte[] framed(byte[] body) {
        ByteBuf b = Unpooled.buffer(4 + body.length).writeInt(body.length).writeBytes(body);
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    /** What one authenticated bad connection got back. */
    record Outcome(int refusals, boolean malformedThenClosed) {
    }

    /**
     * One authenticated connection: signs in, sends {@code soft} frames with bad content (each
     * answered with a refusal, the connection kept), then one bad frame, answered with
     * MALFORMED_FRAME and the close. The bad frame goes only after every refusal has arrived, so
     * no answer is lost to the close.
     */
    private static CompletableFuture<Outcome> badSession(SslContext ssl, int port, Random r, String lane, int soft) {
        CompletableFuture<Outcome> done = new CompletableFuture<>();
        new Bootstrap().group(VirtualTerminal.GROUP).channel(NioSocketChannel.class)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        SslHandler tls = ssl.newHandler(ch.alloc(), "localhost", port);
                        ch.pipeline().addLast(tls, new LengthFieldBasedFrameDecoder(1 << 20, 0, 4, 0, 4),
                                new SimpleChannelInboundHandler<ByteBuf>() {
                            private int answers;
                            private int refusals;
                            private boolean malformed;

                            @Override
                            protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
                                JsonNode answer = Json.parse(ByteBufUtil.getBytes(msg));
                                answers++;
                                if (answers == 1) {
                                    String signNo = answer.path("output").path("sign_no").asText();
                                    for (int i = 0; i < soft; i++) {
                                        ctx.write(Unpooled.wrappedBuffer(softBadFrame(r, lane + "S" + i, signNo)));
                                    }
                                    ctx.flush();
                                } else if (answers <= soft + 1) {
                                    if (answer.path("infcode").asInt() == -1 && !answer.path("output").path("code").asText().isEmpty()) {
                                        refusals++;
                                    }
                                    if (answers == soft + 1) {
                                        ctx.writeAndFlush(Unpooled.wrappedBuffer(badFrame(r)));
                                    }
                                } else {
                                    malformed = "MALFORMED_FRAME".equals(answer.path("output").path("code").asText());
                                }
                            }

                            @Override
                            public void channelInactive(ChannelHandlerContext ctx) {
                                done.complete(new Outcome(refusals, malformed));
                            }

                            @Override
                            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                                ctx.close();
                            }
                        });
                        tls.handshakeFuture().addListener(f -> {
                            if (f.isSuccess()) {
                                Request signIn = Request.of(Infno.SIGN_IN, lane + "IN", "H1", "OP1", "",
                                        Json.object().put("opter_no", "OP1"));
                                ch.writeAndFlush(Unpooled.wrappedBuffer(framed(Json.bytes(signIn.toJson()))));
                            }
                        });
                    }
                }).connect("127.0.0.1", port);
        return done;
    }

    @Test
    void hundredThousandBadFramesAreRefusedWhileAGoodTerminalIsServed() throws Exception {
        VirtualTerminal good = new VirtualTerminal(host, dir, "MF-GOOD");
        List<SslContext> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            lanes.add(new VirtualTerminal(host, dir, "MF-EVIL" + i).creds.clientContext());
        }
        Random r = new Random(42);
        long before = host.server().badConnections();
        long heapAtStart = 0;
        long refusals = 0;
        long malformed = 0;
        try (HostSession s = good.session(host.port())) {
            for (int round = 0; round < CONNECTIONS / LANES; round++) {
                List<CompletableFuture<Outcome>> running = new ArrayList<>();
                for (int lane = 0; lane < LANES; lane++) {
                    running.add(badSession(lanes.get(lane), host.port(), new Random(r.nextLong()),
                            "L" + lane + "R" + round, SOFT));
                }
                for (CompletableFuture<Outcome> f : running) {
                    Outcome o = f.get(30, TimeUnit.SECONDS);
                    refusals += o.refusals();
                    malformed += o.malformedThenClosed() ? 1 : 0;
                }
                if (round % 25 == 0) {
                    assertTrue(s.call(Infno.HEARTBEAT, Json.object()).ok());
                }
                if (round == CONNECTIONS / LANES / 10) {
                    heapAtStart = usedHeapAfterGc();
                }
            }
            ExecutorService senders = Executors.newFixedThreadPool(4);
            try {
                List<Future<Boolean>> sent = new ArrayList<>();
                for (int i = 0; i < RAW; i++) {
                    byte[] frame = badFrame(r);
                    sent.add(senders.submit(() -> rawClosed(host.port(), frame)));
                }
                for (Future<Boolean> f : sent) {
                    malformed += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
            } finally {
                senders.shutdownNow();
            }
            assertTrue(s.call(Infno.HEARTBEAT, Json.object()).ok());
        }
        long heapGrowth = usedHeapAfterGc() - heapAtStart;
        long inTls = (long) CONNECTIONS * (SOFT + 1);
        assertEquals((long) CONNECTIONS * SOFT, refusals, "every bad frame inside TLS got its refusal");
        assertEquals(CONNECTIONS + RAW, malformed, "every bad connection got MALFORMED_FRAME (or the TLS alert) and was closed");
        assertTrue(inTls + RAW >= 100_000 || Integer.getInteger("malformed.connections") != null, "frames sent");
        Await.until(java.time.Duration.ofSeconds(30),
                () -> host.server().badConnections() - before >= CONNECTIONS + RAW,
                () -> "host counted " + (host.server().badConnections() - before));
        assertTrue(heapGrowth < 32L << 20, "heap grew by " + (heapGrowth >> 20) + " MiB");
        System.out.printf("malformed frames: %d inside mutual TLS (%d connections), %d before TLS; heap growth %d KiB%n",
                inTls, CONNECTIONS, RAW, heapGrowth >> 10);
    }
}
