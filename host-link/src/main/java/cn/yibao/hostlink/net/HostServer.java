package cn.yibao.hostlink.net;

import cn.yibao.hostlink.msg.Json;
import cn.yibao.hostlink.msg.LinkRefusal;
import cn.yibao.hostlink.msg.Request;
import cn.yibao.hostlink.msg.Response;
import cn.yibao.hostlink.tls.Identities;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host end of the link: TLS 1.3 with a required client certificate, 4-byte length frames,
 * JSON envelopes, a {@link RequestHandler} run on a separate executor group (per-connection
 * order kept: requests are handed over and answered in arrival order). A connection that sends a
 * bad frame or message gets one error frame and is closed; one that is silent longer than the
 * reader timeout is closed.
 */
public final class HostServer implements AutoCloseable {

    /** Pipeline name of the TLS handler (a hook may add handlers before it). */
    public static final String TLS = "tls";
    /** Pipeline name of the dispatcher (a hook may add handlers before it to see envelopes). */
    public static final String DISPATCH = "dispatch";

    /** Most requests of one connection awaiting their answers at once ({@link RequestHandler#window}). */
    public static final int MAX_WINDOW = 8;

    private static final Logger LOG = LoggerFactory.getLogger(HostServer.class);

    /** Lets the simulator add handlers (fault injection) to each new connection's pipeline. */
    @FunctionalInterface
    public interface PipelineHook {
        void customize(long connectionId, ChannelPipeline pipeline);
    }

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final EventExecutorGroup app;
    private final Channel listener;
    /** Every accepted connection, closed by {@link #close()} itself: an event loop's shutdown does not always. */
    private final ChannelGroup connections = new DefaultChannelGroup("host-connections", GlobalEventExecutor.INSTANCE);
    private final AtomicLong connectionIds = new AtomicLong();
    private final AtomicLong badConnections = new AtomicLong();
    private final AtomicLong open = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    private HostServer(String bind, int port, SslContext ssl, RequestHandler handler, PipelineHook hook,
                       int appThreads, Duration readerIdle) throws InterruptedException {
        boss = EventLoops.nio(1);
        workers = EventLoops.nio(0);
        app = new DefaultEventExecutorGroup(appThreads);
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        connections.add(ch);
                        long id = connectionIds.incrementAndGet();
                        ChannelPipeline p = ch.pipeline();
                        SslHandler tls = ssl.newHandler(ch.alloc());
                        tls.setHandshakeTimeout(10, TimeUnit.SECONDS);
                        p.addLast(TLS, tls);
                        p.addLast("idle", new IdleStateHandler(readerIdle.toMillis(), 0, 0, TimeUnit.MILLISECONDS));
                        Frames.serverSide(p);
                        p.addLast(DISPATCH, new Dispatcher(id, handler, app.next()));
                        hook.customize(id, p);
                    }
                });
        listener = b.bind(bind, port).sync().channel();
    }

    /**
     * Starts listening on {@code bind:port} (port 0 picks a free one).
     *
     * @param appThreads threads running the handler
     * @param readerIdle a connection silent this long is closed
     */
    public static HostServer start(String bind, int port, SslContext ssl, RequestHandler handler, PipelineHook hook,
                                   int appThreads, Duration readerIdle) throws InterruptedException {
        return new HostServer(bind, port, Objects.requireNonNull(ssl), Objects.requireNonNull(handler),
                hook == null ? (id, p) -> { } : hook, appThreads, readerIdle);
    }

    /** @return the port actually bound */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** @return how many connections were closed for a bad frame, message or handshake */
    public long badConnections() {
        return badConnections.get();
    }

    /** @return connections currently authenticated */
    public long openConnections() {
        return open.get();
    }

    /** Stops listening and closes every connection; closing again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        listener.close().syncUninterruptibly();
        connections.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        app.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private final class Dispatcher extends SimpleChannelInboundHandler<Request> {
        private final long id;
        private final RequestHandler handler;
        private final EventExecutor executor;
        private volatile Peer peer;
        private boolean counted;
        /** The connection's last request's answer, written: the next is handled after it (event loop only). */
        private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);
        /** The connection's last request handed to the handler (event loop only). */
        private CompletableFuture<Void> started = CompletableFuture.completedFuture(null);
        /** The answers written of the connection's last {@link #MAX_WINDOW} requests, oldest first (event loop only). */
        private final ArrayDeque<CompletableFuture<Void>> written = new ArrayDeque<>();

        Dispatcher(long id, RequestHandler handler, EventExecutor executor) {
            super(Request.class);
            this.id = id;
            this.handler = handler;
            this.executor = executor;
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof SslHandshakeCompletionEvent hs) {
                if (!hs.isSuccess()) {
                    bad(ctx, "TLS handshake failed: " + hs.cause());
                    return;
                }
                try {
                    SslHandler tls = ctx.pipeline().get(SslHandler.class);
                    String remote = String.valueOf(ctx.channel().remoteAddress());
                    peer = new Peer(Identities.peerTerminal(tls.engine().getSession()), id, remote);
                    open.incrementAndGet();
                    Peer p = peer;
                    executor.execute(() -> handler.connected(p));
                } catch (SSLPeerUnverifiedException e) {
                    bad(ctx, "no usable client identity");
                }
            } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
                LOG.debug("connection {} idle, closing", id);
                ctx.close();
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, Request req) {
            Peer p = peer;
            if (p == null) {
                bad(ctx, "request before authentication");
                return;
            }
            // one single-threaded executor per connection, each request handed over after the previous
            // one (by default after its answer was written): requests are handled in arrival order, and a
            // handler waiting holds no thread; the answers are written in arrival order
            int window = Math.max(1, Math.min(handler.window(p, req), MAX_WINDOW));
            CompletableFuture<Void> gate = window == 1 ? last
                    : written.size() < window ? started : CompletableFuture.allOf(started, writtenOf(window));
            CompletableFuture<Void> handed = new CompletableFuture<>();
            CompletableFuture<Response> answer = gate.thenComposeAsync(done -> {
                try {
                    return answer(p, req);
                } finally {
                    handed.complete(null);
                }
            }, executor);
            started = handed;
            // written on the connection's event loop, each after the one before: a write from another
            // thread is queued there, so one made on the loop itself would overtake it
            last = last.thenCombine(answer, (done, r) -> r).thenAcceptAsync(ctx::writeAndFlush, ctx.executor())
                    .exceptionally(e -> {
                        LOG.warn("connection {}: answer to {} not written: {}", id, req.infno(), e.toString());
                        return null;
                    });
            written.addLast(last);
            if (written.size() > MAX_WINDOW) {
                written.removeFirst();
            }
        }

        /** @return the written answer of the request {@code back} requests before the one arriving now */
        private CompletableFuture<Void> writtenOf(int back) {
            Iterator<CompletableFuture<Void>> it = written.descendingIterator();
            CompletableFuture<Void> f = it.next();
            for (int i = 1; i < back; i++) {
                f = it.next();
            }
            return f;
        }

        private CompletableFuture<Response> answer(Peer p, Request req) {
            CompletableFuture<Response> resp;
            try {
                resp = handler.handleAsync(p, req);
            } catch (RuntimeException e) {
                resp = CompletableFuture.failedFuture(e);
            }
            return resp.exceptionally(e -> {
                LOG.error("handler failed on {} from {}", req.infno(), p.terminalId(), e);
                return Response.refused(req, LinkRefusal.HOST_ERROR, Json.object());
            });
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            Peer p = peer;
            if (p != null) {
                open.decrementAndGet();
                executor.execute(() -> handler.disconnected(p));
            }
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            bad(ctx, cause.toString());
        }

        private void bad(ChannelHandlerContext ctx, String why) {
            if (!counted) {
                counted = true;
                badConnections.incrementAndGet();
            }
            if (!ctx.channel().isActive()) {
                return;
            }
            LOG.debug("closing connection {}: {}", id, why);
            String frame = "{\"infcode\":-1,\"inf_refmsgid\":\"-\",\"err_msg\":\"MALFORMED_FRAME: "
                    + "protocol error, closing\",\"output\":{\"code\":\"MALFORMED_FRAME\"}}";
            byte[] body = frame.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            // written below the JSON codec, so it is framed but not re-encoded; then the close
            ctx.pipeline().context(Frames.CODEC).writeAndFlush(Unpooled.wrappedBuffer(body))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }
}
