package cn.yibao.simulator.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.yibao.hostlink.msg.Infno;
import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.saf.HostSession;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * 100,000 random and malformed frames: 99,000 as the first bytes of unauthenticated TCP
 * connections (refused by the TLS layer) and 1,000 inside authenticated TLS connections
 * (refused by the frame and JSON decoders with a MALFORMED_FRAME error frame). Each bad
 * connection is closed, a well-behaved terminal is served throughout, and the heap stays flat.
 */
class MalformedFramesIT extends LoopbackHost {

    static final int RAW = Integer.getInteger("malformed.raw", 99_000);
    static final int AUTHENTICATED = Integer.getInteger("malformed.tls", 1_000);


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

    @Test
    void hundredThousandBadFramesAreRefusedWhileAGoodTerminalIsServed() throws Exception {
        VirtualTerminal good = new VirtualTerminal(host, dir, "MF-GOOD");
        VirtualTerminal evil = new VirtualTerminal(host, dir, "MF-EVIL");
        SslContext evilTls = evil.creds.clientContext();
        Random r = new Random(42);
        AtomicInteger closed = new AtomicInteger();
        long before = host.server().badConnections();
        long heapAtStart = 0;
        try (HostSession s = good.session(host.port())) {
            for (int i = 0; i < AUTHENTICATED; i++) {
                String answer = tlsBad(evilTls, host.port(), badFrame(r)).get(20, TimeUnit.SECONDS);
                if (answer.contains("MALFORMED_FRAME")) {
                    closed.incrementAndGet();
                } else if (i < 3) {
                    System.out.println("answer " + i + ": " + answer);
                }
                if (i % 100 == 0) {
                    assertTrue(s.call(Infno.HEARTBEAT, Json.object()).ok());
                }
            }
            java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                for (int chunk = 0; chunk < RAW / 1_000; chunk++) {
                    java.util.List<java.util.concurrent.Future<Boolean>> sent = new java.util.ArrayList<>();
                    for (int i = 0; i < 1_000; i++) {
                        byte[] frame = badFrame(r);
                        sent.add(senders.submit(() -> rawClosed(host.port(), frame)));
                    }
                    for (var f : sent) {
                        if (f.get(60, TimeUnit.SECONDS)) {
                            closed.incrementAndGet();
                        }
                    }
                    if (chunk == 10) {
                        heapAtStart = usedHeapAfterGc();
                    }
                    assertTrue(s.call(Infno.HEARTBEAT, Json.object()).ok());
                }
            } finally {
                senders.shutdownNow();
            }
            assertTrue(s.call(Infno.HEARTBEAT, Json.object()).ok());
        }
        long heapGrowth = usedHeapAfterGc() - heapAtStart;
        assertEquals(RAW + AUTHENTICATED, closed.get());
        assertTrue(Await.until(java.time.Duration.ofSeconds(30),
                () -> host.server().badConnections() - before >= RAW + AUTHENTICATED),
                () -> "host counted " + (host.server().badConnections() - before));
        assertTrue(heapGrowth < 32L << 20, "heap grew by " + (heapGrowth >> 20) + " MiB");
        System.out.printf("malformed frames: %d refused, heap growth %d KiB%n", closed.get(), heapGrowth >> 10);
    }

}
